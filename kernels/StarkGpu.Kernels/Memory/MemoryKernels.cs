using ILGPU;
using StarkGpu.Kernels.Launch;

namespace StarkGpu.Kernels.Memory;

/// <summary>Plain memory kernels over 32-bit words: <c>range</c> covers the words.</summary>
public static class MemoryKernels
{
    /// <summary>destination[i] = source[i].</summary>
    public static void Copy(Index1D index, ArrayView<uint> source, ArrayView<uint> destination, WorkRange range)
    {
        // Bounds in locals: the CPU accelerator runs this IL as it is, and the JIT does not hoist them.
        long end = range.End(index), step = range.Step;
        for (var i = range.First(index); i < end; i += step)
        {
            destination[i] = source[i];
        }
    }

    /// <summary>destination[i] = value.</summary>
    public static void Fill(Index1D index, ArrayView<uint> destination, uint value, WorkRange range)
    {
        // Bounds in locals: the CPU accelerator runs this IL as it is, and the JIT does not hoist them.
        long end = range.End(index), step = range.Step;
        for (var i = range.First(index); i < end; i += step)
        {
            destination[i] = value;
        }
    }
}
