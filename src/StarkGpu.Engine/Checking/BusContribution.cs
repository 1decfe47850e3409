using StarkGpu.Engine.Air;
using StarkGpu.Fields;

namespace StarkGpu.Engine.Checking;

/// <summary>One send or receive of an unbalanced tuple.</summary>
/// <param name="RowCount">Rows it stands for: 1, or the length of a run of padding rows.</param>
/// <param name="Multiplicity">Per row.</param>
public sealed record BusContribution(int ShardIndex, string Chip, long Row, long RowCount, InteractionKind Kind, KoalaBear Multiplicity)
{
    public override string ToString() =>
        $"{Kind.ToString().ToLowerInvariant()} x{FieldFormat.Signed(Multiplicity)} by shard {ShardIndex} {Chip} {FieldFormat.Rows(Row, RowCount)}";
}
