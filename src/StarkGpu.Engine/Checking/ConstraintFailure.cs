using StarkGpu.Fields;

namespace StarkGpu.Engine.Checking;

/// <summary>A constraint that does not vanish on a row.</summary>
/// <param name="Row">The row of the padded domain (for padding, the first row of a run of alike rows).</param>
/// <param name="RowCount">Rows the failure stands for: 1, or the length of a run of padding rows.</param>
/// <param name="IsPadding">Whether the row is past the chip's real rows (an all-zero row).</param>
/// <param name="ConstraintIndex">Position of the constraint in the chip's <c>Eval</c>.</param>
/// <param name="Value">What the constraint evaluated to.</param>
/// <param name="Cells">The cells the constraint reads, with their values on the row.</param>
public sealed record ConstraintFailure(
    int ShardIndex,
    string Chip,
    long Row,
    long RowCount,
    bool IsPadding,
    int ConstraintIndex,
    string Label,
    KoalaBear Value,
    IReadOnlyList<CellValue> Cells)
{
    public override string ToString() =>
        $"shard {ShardIndex}, chip {Chip}, {FieldFormat.Rows(Row, RowCount)}{(IsPadding && RowCount == 1 ? " (padding)" : string.Empty)}: " +
        $"constraint '{Label}' (#{ConstraintIndex}) = {Value}; {string.Join(", ", Cells)}";
}
