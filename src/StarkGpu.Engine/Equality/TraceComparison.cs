using System.Text;

namespace StarkGpu.Engine.Equality;

/// <summary>The outcome of comparing a chip's host and device traces bit for bit.</summary>
public sealed class TraceComparison
{
    internal TraceComparison(string chip, string? shapeMismatch, IReadOnlyList<CellMismatch> mismatches, long mismatchCount, long mismatchedRows)
    {
        Chip = chip;
        ShapeMismatch = shapeMismatch;
        Mismatches = mismatches;
        MismatchCount = mismatchCount;
        MismatchedRowCount = mismatchedRows;
    }

    public string Chip { get; }

    /// <summary>Set when the traces differ in height or width (then no cell is compared).</summary>
    public string? ShapeMismatch { get; }

    /// <summary>The first mismatching cells, row by row, then column by column (capped).</summary>
    public IReadOnlyList<CellMismatch> Mismatches { get; }

    public long MismatchCount { get; }

    public long MismatchedRowCount { get; }

    public bool IsEqual => ShapeMismatch is null && MismatchCount == 0;

    /// <summary>A readable account of the differences, grouped by row.</summary>
    public string Report
    {
        get
        {
            if (IsEqual)
            {
                return $"chip {Chip}: host and device traces are equal";
            }

            if (ShapeMismatch is not null)
            {
                return $"chip {Chip}: {ShapeMismatch}";
            }

            var text = new StringBuilder();
            text.Append("chip ").Append(Chip).Append(": ").Append(MismatchCount).Append(" mismatching cell(s) in ")
                .Append(MismatchedRowCount).AppendLine(" row(s); first ones:");
            var row = -1;
            foreach (var mismatch in Mismatches)
            {
                if (mismatch.Row != row)
                {
                    row = mismatch.Row;
                    text.Append("  row ").Append(row).Append(mismatch.IsPadding ? " (padding)" : $" (event: {mismatch.Event})").AppendLine();
                }

                text.Append("    ").AppendLine(mismatch.ToString());
            }

            return text.ToString();
        }
    }

    public override string ToString() => Report;
}
