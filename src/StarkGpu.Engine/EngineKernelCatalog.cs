using StarkGpu.Engine.SelfTest.Toy;
using StarkGpu.Kernels;
using StarkGpu.Kernels.Counting;
using StarkGpu.Kernels.Traces;

namespace StarkGpu.Engine;

/// <summary>The kernels the engine itself launches (the toy machine's), for the GPU check.</summary>
public sealed class EngineKernelCatalog : IKernelCatalog
{
    public IEnumerable<KernelEntry> Kernels()
    {
        yield return new KernelEntry("toy.square.trace", TraceKernels.WriteRowsMethod<SquareRow, uint, NoCounters>());
    }
}
