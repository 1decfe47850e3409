using StarkGpu.Fields;
using StarkGpu.Kernels.Counting;
using StarkGpu.Kernels.Traces;

namespace StarkGpu.PtxCheck.SelfCheck;

/// <summary>
/// A row writer that uses every part of the contract a chip's writer may (each kind of cell, a field product, a loop
/// over byte limbs, both counted tables, refusing an event), so that the generic trace kernels are checked through
/// ILGPU and ptxas before any real chip is.
/// </summary>
public readonly struct SelfCheckRow : IRowWriter<SelfCheckEvent>
{
    private const int Limbs = 1;
    private const int Carries = Limbs + 4;
    private const int IsSmall = Carries + 4;
    private const int Product = IsSmall + 1;

    public static int Width => Product + 1;

    public static bool Write<TRow, TCounters>(in SelfCheckEvent e, long index, ref TRow row, ref TCounters counters)
        where TRow : struct, ITraceRow
        where TCounters : struct, ICounters<TCounters>
    {
        row.SetCanonical(0, e.A);
        var carry = 0u;
        for (var i = 0; i < 4; i++)
        {
            var limb = (e.A >> (8 * i)) & 0xff;
            row.SetByte(Limbs + i, limb);
            carry = (limb + ((e.B >> (8 * i)) & 0xff) + carry) >> 8;
            row.SetByte(Carries + i, carry);
            counters.Increment(0, limb);
        }

        row.SetBool(IsSmall, e.A < 256);
        row.SetField(Product, KoalaBear.FromCanonical(e.A) * KoalaBear.FromCanonical(e.B));
        counters.Increment(1, (uint)index * 4);
        return e.Kind < 4;
    }
}
