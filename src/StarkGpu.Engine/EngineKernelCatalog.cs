using ILGPU;
using StarkGpu.Engine.SelfTest.Toy;
using StarkGpu.Fields;
using StarkGpu.Kernels;
using StarkGpu.Kernels.Counting;
using StarkGpu.Kernels.Launch;
using StarkGpu.Kernels.LogUp;
using StarkGpu.Kernels.Traces;
using Ext = StarkGpu.Fields.BinomialExtension4<StarkGpu.Fields.KoalaBear>;

namespace StarkGpu.Engine;

/// <summary>The kernels the engine itself launches (the toy machine's, the LogUp aux traces'), for the GPU check.</summary>
public sealed class EngineKernelCatalog : IKernelCatalog
{
    public IEnumerable<KernelEntry> Kernels()
    {
        yield return new KernelEntry("toy.square.trace", TraceKernels.WriteRowsMethod<SquareRow, uint, NoCounters>());
        yield return Entry("logup.fingerprints", new Action<Index1D, AuxProgramView, AuxRows, ArrayView<KoalaBear>, ArrayView<Ext>, ArrayView<KoalaBear>, WorkRange>(
            AuxKernels.Fingerprints));
        yield return Entry("logup.combine", new Action<Index1D, ArrayView<Ext>, ArrayView<KoalaBear>, int, int, ArrayView<Ext>, ArrayView<Ext>, WorkRange>(
            AuxKernels.Combine));
        yield return Entry("logup.ext4.batch-inverse", new Action<Index1D, ArrayView<Ext>, ArrayView<Ext>, long, ArrayView<long>, WorkRange>(
            ExtensionKernels.BatchInvert<KoalaBear>));
        yield return Entry("logup.ext4.scan.chunk-sums", new Action<Index1D, ArrayView<Ext>, ArrayView<Ext>, long, WorkRange>(ExtensionKernels.ChunkSums<KoalaBear>));
        yield return Entry("logup.ext4.scan.exclusive-in-place", new Action<Index1D, ArrayView<Ext>>(ExtensionKernels.ExclusiveScanInPlace<KoalaBear>));
        yield return Entry("logup.ext4.scan.chunks", new Action<Index1D, ArrayView<Ext>, ArrayView<Ext>, ArrayView<Ext>, long, WorkRange>(
            ExtensionKernels.ScanChunks<KoalaBear>));
    }

    private static KernelEntry Entry(string name, Delegate kernel) => new(name, kernel.Method);
}
