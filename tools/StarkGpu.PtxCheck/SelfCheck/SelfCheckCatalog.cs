using ILGPU;
using StarkGpu.Kernels;
using StarkGpu.Kernels.Counting;
using StarkGpu.Kernels.Launch;
using StarkGpu.Kernels.Traces;

namespace StarkGpu.PtxCheck.SelfCheck;

/// <summary>
/// The tool's own kernels, so that the whole pipeline (ILGPU's PTX, ptxas) is proven on kernels that are known to
/// compile: the generic trace kernels of StarkGpu.Kernels over <see cref="SelfCheckRow"/>, and the small kernels.
/// </summary>
public sealed class SelfCheckCatalog : IKernelCatalog
{
    public IEnumerable<KernelEntry> Kernels()
    {
        yield return new("selfcheck.write-rows.no-counters", TraceKernels.WriteRowsMethod<SelfCheckRow, SelfCheckEvent, NoCounters>());
        yield return new("selfcheck.write-rows.device-counters", TraceKernels.WriteRowsMethod<SelfCheckRow, SelfCheckEvent, DeviceCounters>());
        yield return new(
            "selfcheck.count-rows.device-counters",
            new Action<Index1D, ArrayView<SelfCheckEvent>, WorkRange, DeviceCounters, ArrayView<uint>>(
                TraceKernels.CountRows<SelfCheckRow, SelfCheckEvent, DeviceCounters>).Method);
        yield return new(
            "selfcheck.atomic-histogram",
            new Action<Index1D, ArrayView<uint>, ArrayView<uint>, ArrayView<uint>>(SelfCheckKernels.AtomicHistogram).Method);
        yield return new(
            "selfcheck.koalabear-multiply-add",
            new Action<Index1D, ArrayView<Fields.KoalaBear>, ArrayView<Fields.KoalaBear>, ArrayView<Fields.KoalaBear>>(SelfCheckKernels.KoalaBearMultiplyAdd).Method);
        yield return new(
            "selfcheck.babybear-multiply",
            new Action<Index1D, ArrayView<Fields.BabyBear>, ArrayView<Fields.BabyBear>, ArrayView<Fields.BabyBear>>(SelfCheckKernels.BabyBearMultiply).Method);
    }
}
