namespace StarkGpu.Engine.Checking;

/// <summary>Rows <c>[Row, Row + Count)</c> of a padded domain that look alike to every constraint and interaction.</summary>
internal readonly record struct RowRun(long Row, long Count);

/// <summary>
/// The rows a STARK sees for a trace of <c>h</c> real rows padded with zero rows to <c>N = 2^n</c>: row i's next
/// row is row (i + 1) mod N, row 0 is the first row, row N - 1 the last. The padding rows fall into at most three
/// runs that are each uniform (same local row: zero; same next row; same selectors), so checking one row per run
/// checks them all, and an interaction on it counts once per row of the run.
/// </summary>
internal static class PaddedDomain
{
    public const int MaxPaddingRuns = 3;

    /// <summary>As a <c>PaddedMle</c> allows.</summary>
    public const int MaxLogRowCount = 40;

    /// <summary>2^<paramref name="logRowCount"/>, or the next power of two of <paramref name="height"/> (at least 1).</summary>
    public static long Rows(int height, int? logRowCount, string chipName)
    {
        if (logRowCount is < 0 or > MaxLogRowCount)
        {
            throw new ArgumentOutOfRangeException(nameof(logRowCount), logRowCount, $"a padded domain has 2^0 to 2^{MaxLogRowCount} rows");
        }

        var rows = logRowCount is { } log ? 1L << log : (long)System.Numerics.BitOperations.RoundUpToPowerOf2((ulong)Math.Max(height, 1));
        if (height > rows)
        {
            throw new ArgumentException($"chip {chipName}: {height} rows do not fit a domain of 2^{logRowCount} rows");
        }

        return rows;
    }

    /// <summary>Writes the runs of padding rows <c>[height, rows)</c>; returns how many.</summary>
    public static int PaddingRuns(long height, long rows, Span<RowRun> runs)
    {
        var count = 0;
        var last = rows - 1;
        if (height > last)
        {
            return 0;
        }

        var start = height;
        if (start == 0 && last > 0)
        {
            // The first row has its own selector.
            runs[count++] = new RowRun(0, 1);
            start = 1;
        }

        if (start < last)
        {
            // Zero rows followed by zero rows.
            runs[count++] = new RowRun(start, last - start);
        }

        // The last row: its next row is row 0.
        runs[count++] = new RowRun(last, 1);
        return count;
    }
}
