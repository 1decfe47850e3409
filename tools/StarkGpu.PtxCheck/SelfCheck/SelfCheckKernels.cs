using ILGPU;
using StarkGpu.Fields;

namespace StarkGpu.PtxCheck.SelfCheck;

/// <summary>Small kernels for what the trace kernels do not cover: atomics and the fields' Montgomery arithmetic.</summary>
public static class SelfCheckKernels
{
    /// <summary>A histogram of the low bytes, by atomic adds (the byte-lookup counting of a GPU).</summary>
    public static void AtomicHistogram(Index1D index, ArrayView<uint> values, ArrayView<uint> counts, ArrayView<uint> extremes)
    {
        var value = values[index];
        Atomic.Add(ref counts[(int)(value & 0xff)], 1u);
        Atomic.Min(ref extremes[0], value);
        Atomic.Max(ref extremes[1], value);
        Atomic.CompareExchange(ref extremes[2], 0u, value);
    }

    /// <summary>KoalaBear products and sums (Montgomery multiplication of 31-bit fields).</summary>
    public static void KoalaBearMultiplyAdd(Index1D index, ArrayView<KoalaBear> a, ArrayView<KoalaBear> b, ArrayView<KoalaBear> result) =>
        result[index] = (a[index] * b[index]) + a[index] - b[index];

    /// <summary>BabyBear products (the other Montgomery parameters).</summary>
    public static void BabyBearMultiply(Index1D index, ArrayView<BabyBear> a, ArrayView<BabyBear> b, ArrayView<BabyBear> result) =>
        result[index] = a[index] * b[index];
}
