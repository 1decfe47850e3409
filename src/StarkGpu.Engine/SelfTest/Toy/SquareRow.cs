using System.Runtime.CompilerServices;
using StarkGpu.Fields;
using StarkGpu.Kernels.Counting;
using StarkGpu.Kernels.Traces;

namespace StarkGpu.Engine.SelfTest.Toy;

/// <summary>The Square chip's row (x, x^2, 1) of a canonical x, on the host and in the kernel alike.</summary>
public readonly struct SquareRow : IRowWriter<uint>
{
    public static int Width => 3;

    // Inlined into the host driver's fully optimized tile loop, so the writer runs optimized from its first row.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Write<TRow, TCounters>(in uint e, long index, ref TRow row, ref TCounters counters)
        where TRow : struct, ITraceRow
        where TCounters : struct, ICounters<TCounters>
    {
        var x = KoalaBear.FromCanonical(e);
        row.SetField(SquareChip.X, x);
        row.SetField(SquareChip.Y, x * x);
        row.SetBool(SquareChip.IsReal, true);
        return true;
    }
}
