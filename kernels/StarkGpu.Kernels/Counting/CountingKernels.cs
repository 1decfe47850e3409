using ILGPU;
using StarkGpu.Fields;
using StarkGpu.Kernels.Launch;

namespace StarkGpu.Kernels.Counting;

/// <summary>
/// Turns the counter sets of a <see cref="DeviceCounters"/> table into a multiplicity column: the ByteLookup and
/// Program multiplicity traces are made of these.
/// </summary>
public static class CountingKernels
{
    /// <summary>
    /// output[c] = the Montgomery bits of (sets[0 * cells + c] + ... + sets[(setCount - 1) * cells + c]) as a field
    /// element, for the <c>cells = output.Length</c> counters; <c>range</c> covers the cells. The sum is taken in
    /// 64 bits and reduced mod p, so it is exact whatever the counts.
    /// </summary>
    public static void SumSets<TField>(Index1D index, ArrayView<uint> sets, ArrayView<uint> output, int setCount, WorkRange range)
        where TField : unmanaged, IPrimeField<TField>
    {
        var cells = output.Length;
        // Bounds in locals: the CPU accelerator runs this IL as it is, and the JIT does not hoist them.
        long end = range.End(index), step = range.Step;
        for (var c = range.First(index); c < end; c += step)
        {
            ulong sum = 0;
            for (var s = 0; s < setCount; s++)
            {
                sum += sets[(s * cells) + c];
            }

            output[c] = TField.FromCanonical((uint)(sum % TField.Modulus)).Raw;
        }
    }
}
