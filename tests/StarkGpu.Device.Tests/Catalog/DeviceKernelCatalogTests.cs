using ILGPU;
using ILGPU.Backends.EntryPoints;
using ILGPU.Backends.PTX;
using ILGPU.Runtime.Cuda;
using StarkGpu.Kernels;
using StarkGpu.Kernels.Counting;
using StarkGpu.Kernels.Field;
using StarkGpu.Kernels.Traces;

namespace StarkGpu.Device.Tests.Catalog;

/// <summary>Every kernel the device layer launches is in the catalog, closed, and compiles to PTX for sm_90 without a GPU.</summary>
[TestFixture]
public sealed class DeviceKernelCatalogTests
{
    private static IEnumerable<KernelEntry> Entries =>
    [
        .. new DeviceKernelCatalog().Kernels(),
        new KernelEntry("test.trace-with-device-counters", TraceKernels.WriteRowsMethod<Launch.TestRow, Launch.TestEvent, DeviceCounters>()),
    ];

    [Test]
    public void EntriesAreClosedAndUniquelyNamed()
    {
        var entries = Entries.ToList();
        Assert.That(entries.Select(e => e.Name), Is.Unique);
        Assert.That(entries.Where(e => e.Method.ContainsGenericParameters).Select(e => e.Name), Is.Empty);
        Assert.That(entries, Has.Count.GreaterThanOrEqualTo(18));
    }

    [TestCaseSource(nameof(Entries))]
    public void CompilesToPtx(KernelEntry entry)
    {
        // A failed compile poisons its context: one context per kernel.
        using var context = Context.Create(builder => builder.Cuda());
        using var backend = new PTXBackend(
            context, new CudaCapabilityContext(CudaArchitecture.SM_90), CudaArchitecture.SM_90, CudaInstructionSet.ISA_78, null!);
        var compiled = (PTXCompiledKernel)backend.Compile(EntryPointDescription.FromImplicitlyGroupedKernel(entry.Method), default);
        Assert.That(compiled.PTXAssembly, Does.Contain(".target sm_").And.Contain(".entry"));
    }
}
