using StarkGpu.Device;
using StarkGpu.Engine.Chips;
using StarkGpu.Fields;

namespace StarkGpu.Engine.Equality;

/// <summary>
/// Compares a chip's host trace (row-major) with its device trace (column-major) bit for bit, as SP1's
/// <c>test_traces_eq</c> does: every trace must be the same bits whichever backend produced it.
/// </summary>
public static class TraceEquality
{
    public const int DefaultMaxMismatches = 10;

    /// <param name="describeEvent">The event behind a row, or null for a padding row; null treats every row as an event row.</param>
    public static TraceComparison Compare(
        string chip, HostTrace expected, DeviceMle<KoalaBear> actual, Func<int, string?>? describeEvent = null, int maxMismatches = DefaultMaxMismatches)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(actual);
        return Compare(chip, expected.Values, expected.Height, expected.Width, actual.ToHostColumnMajor(), actual.Height, actual.Width, describeEvent, maxMismatches);
    }

    /// <summary>Compares host values with device values already copied to the host (column-major).</summary>
    public static TraceComparison Compare(
        string chip,
        ReadOnlySpan<KoalaBear> expectedRowMajor,
        int height,
        int width,
        ReadOnlySpan<KoalaBear> actualColumnMajor,
        int actualHeight,
        int actualWidth,
        Func<int, string?>? describeEvent = null,
        int maxMismatches = DefaultMaxMismatches)
    {
        ArgumentNullException.ThrowIfNull(chip);
        ArgumentOutOfRangeException.ThrowIfNegative(maxMismatches);
        if (height != actualHeight || width != actualWidth)
        {
            return new TraceComparison(chip, $"host trace is {height} x {width}, device trace {actualHeight} x {actualWidth} (rows x columns)", [], 0, 0);
        }

        var cells = (long)height * width;
        if (expectedRowMajor.Length != cells || actualColumnMajor.Length != cells)
        {
            throw new ArgumentException($"chip {chip}: {height} x {width} traces need {cells} values each");
        }

        describeEvent ??= static row => $"row {row}";
        var mismatches = new List<CellMismatch>();
        long count = 0, rows = 0;
        for (var row = 0; row < height; row++)
        {
            var rowMismatched = false;
            string? rowEvent = null;
            for (var column = 0; column < width; column++)
            {
                var expected = expectedRowMajor[(row * width) + column].Raw;
                var actual = actualColumnMajor[(column * height) + row].Raw;
                if (expected == actual)
                {
                    continue;
                }

                count++;
                if (!rowMismatched)
                {
                    rowMismatched = true;
                    rows++;
                    rowEvent = mismatches.Count < maxMismatches ? describeEvent(row) : null;
                }

                if (mismatches.Count < maxMismatches)
                {
                    mismatches.Add(new CellMismatch(row, column, expected, actual, rowEvent));
                }
            }
        }

        return new TraceComparison(chip, null, mismatches, count, rows);
    }

    /// <summary>Compares and throws with the report unless the traces are equal (for tests).</summary>
    /// <exception cref="TraceMismatchException">The traces differ.</exception>
    public static void AssertEqual(
        string chip, HostTrace expected, DeviceMle<KoalaBear> actual, Func<int, string?>? describeEvent = null, int maxMismatches = DefaultMaxMismatches)
    {
        var comparison = Compare(chip, expected, actual, describeEvent, maxMismatches);
        if (!comparison.IsEqual)
        {
            throw new TraceMismatchException(comparison);
        }
    }
}
