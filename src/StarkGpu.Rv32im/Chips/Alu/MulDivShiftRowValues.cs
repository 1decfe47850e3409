using System.Globalization;
using StarkGpu.Engine.Air;
using StarkGpu.Fields;
using StarkGpu.Rv32im.Chips.ByteLookup;

namespace StarkGpu.Rv32im.Chips.Alu;

/// <summary>
/// What the ShiftLeft, ShiftRight, Mul and DivRem chips share: each computes a row as canonical values (one
/// function, the host's single source of truth for both the trace and the byte lookups it sends) and range-checks
/// runs of adjacent byte columns in pairs, one U8Range lookup per pair.
/// </summary>
internal static class RowValues
{
    /// <summary>Writes canonical <paramref name="values"/> into a trace row as field elements.</summary>
    public static void Write(ReadOnlySpan<uint> values, Span<KoalaBear> row)
    {
        for (var column = 0; column < values.Length; column++)
        {
            row[column] = KoalaBear.FromCanonical(values[column]);
        }
    }

    /// <summary>
    /// Sends one U8Range lookup per column pair of every run; <paramref name="runs"/> holds (first column, column
    /// count) pairs, each count even.
    /// </summary>
    public static void SendByteRanges<TExpr>(IAirBuilder<TExpr> builder, ReadOnlySpan<int> runs, TExpr multiplicity)
        where TExpr : IAirExpression<TExpr>
    {
        for (var r = 0; r < runs.Length; r += 2)
        {
            for (var column = runs[r]; column < runs[r] + runs[r + 1]; column += 2)
            {
                ByteLookupBus.SendRange(builder, builder.Local(column), builder.Local(column + 1), multiplicity);
            }
        }
    }

    /// <summary>Counts the lookups <see cref="SendByteRanges"/> sends for a row of <paramref name="values"/>.</summary>
    public static void CountByteRanges(ReadOnlySpan<uint> values, ReadOnlySpan<int> runs, ByteLookupCounter counter)
    {
        for (var r = 0; r < runs.Length; r += 2)
        {
            for (var column = runs[r]; column < runs[r] + runs[r + 1]; column += 2)
            {
                counter.AddRange(values[column], values[column + 1]);
            }
        }
    }

    /// <summary>Labels numbered 0..count-1, made once (constraint evaluation must not allocate per row).</summary>
    public static string[] Labels(string format, int count) =>
        [.. Enumerable.Range(0, count).Select(i => string.Format(CultureInfo.InvariantCulture, format, i))];
}
