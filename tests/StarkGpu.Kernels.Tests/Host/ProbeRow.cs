using System.Runtime.CompilerServices;
using StarkGpu.Fields;
using StarkGpu.Kernels.Counting;
using StarkGpu.Kernels.Traces;

namespace StarkGpu.Kernels.Tests.Host;

/// <summary>
/// A test-only row writer of an odd width that uses every kind of cell on large values too (SetCanonical on any
/// 32-bit value, SetField, SetByte, SetBool), counts into both tables (with values outside them, which are errors)
/// and refuses the events marked so.
/// </summary>
public readonly struct ProbeRow : IRowWriter<ProbeEvent>
{
    /// <summary>Table 0's cells: X's low byte.</summary>
    public const uint Cells0 = 256;

    /// <summary>Table 1's cells: even values of Y's low 10 bits below 2 * 300, from base 0 with shift 1 (others are errors).</summary>
    public const uint Cells1 = 300;

    public static int Width => 23;

    [MethodImpl(MethodImplOptions.AggressiveInlining)] // so that the host tile loop inlines it (HostTraces)
    public static bool Write<TRow, TCounters>(in ProbeEvent e, long index, ref TRow row, ref TCounters counters)
        where TRow : struct, ITraceRow
        where TCounters : struct, ICounters<TCounters>
    {
        for (var c = 0; c < 8; c++)
        {
            row.SetCanonical(c, (e.X * (uint)(c + 1)) + (e.Y >> c)); // any 32-bit value, most above p
        }

        row.SetCanonical(8, uint.MaxValue - (uint)(index & 7));
        row.SetCanonical(9, 0x7f000001u + (uint)(index & 3)); // p and just past it
        row.SetField(10, KoalaBear.FromCanonical(e.Y) * KoalaBear.FromCanonical(e.X));
        row.SetField(11, KoalaBear.FromRaw(e.X % 0x7f000001u));
        for (var c = 12; c < 16; c++)
        {
            row.SetByte(c, (e.X >> (8 * (c - 12))) & 0xff);
        }

        row.SetByte(16, 256);
        for (var c = 17; c < 22; c++)
        {
            row.SetBool(c, ((e.Y >> c) & 1) != 0);
        }

        row.SetCanonical(22, (uint)index);
        counters.Increment(0, e.X & 0xff);
        counters.Increment(1, e.Y & 0x3ff);
        return !e.Refuse;
    }
}
