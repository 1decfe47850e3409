using System.Globalization;
using StarkGpu.Engine.Air;
using StarkGpu.Rv32im.Chips.ByteLookup;

namespace StarkGpu.Rv32im.Chips.Alu;

/// <summary>
/// What the constraints of the ShiftLeft, ShiftRight, Mul and DivRem chips share: each range-checks runs of adjacent
/// byte columns in pairs, one U8Range lookup per pair (their row writers count the same pairs), and numbers its
/// constraint labels.
/// </summary>
internal static class RowValues
{
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

    /// <summary>Labels numbered 0..count-1, made once (constraint evaluation must not allocate per row).</summary>
    public static string[] Labels(string format, int count) =>
        [.. Enumerable.Range(0, count).Select(i => string.Format(CultureInfo.InvariantCulture, format, i))];
}
