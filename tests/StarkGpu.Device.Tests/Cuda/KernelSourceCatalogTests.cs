using StarkGpu.Device.Cuda;

namespace StarkGpu.Device.Tests.Cuda;

[TestFixture]
public sealed class KernelSourceCatalogTests
{
    [Test]
    public void FindsTheEmbeddedSourceOfAKernel()
    {
        var source = KernelSourceCatalog.Embedded.FindDefinition("transpose_u32");
        Assert.That(source.Path, Is.EqualTo("layout/transpose.cu"));
        Assert.That(source.Text, Does.Contain("KERNEL void transpose_u32("));
    }

    [Test]
    public void EmbedsTheIncludeHeadersByFileName()
    {
        var headers = KernelSourceCatalog.Embedded.Headers;
        Assert.That(headers.Select(h => h.FileName), Does.Contain("common.cuh"));
        Assert.That(headers.Select(h => h.FileName), Is.Ordered.Using((IComparer<string>)StringComparer.Ordinal));
    }

    [Test]
    public void ListsEveryEntryPoint() =>
        Assert.That(CudaAccelerator.KernelNames(), Is.SupersetOf(new[] { "copy_u32", "fill_u32", "transpose_u32" }));

    [Test]
    public void UnknownKernelIsAClearError()
    {
        var error = Assert.Throws<DeviceException>(() => KernelSourceCatalog.Embedded.FindDefinition("no_such_kernel"));
        Assert.That(error!.Message, Does.Contain("'no_such_kernel'"));
        Assert.That(error.Message, Does.Contain("KERNEL void no_such_kernel("));
    }

    [Test]
    public void OnlyLineStartDefinitionsCount()
    {
        var catalog = new KernelSourceCatalog(
        [
            new("a/one.cu", "KERNEL void alpha(int x)\n// KERNEL void commented(\n  KERNEL void indented(\nKERNEL  void\tbeta (int y)"),
            new("include/h.cuh", "KERNEL void not_a_source("),
        ]);
        Assert.That(catalog.KernelNames, Is.EqualTo(new[] { "alpha", "beta" }));
        Assert.That(catalog.FindDefinition("beta").Path, Is.EqualTo("a/one.cu"));
        Assert.That(catalog.Headers.Single().FileName, Is.EqualTo("h.cuh"));
    }

    [Test]
    public void AKernelDefinedTwiceIsAnError()
    {
        var catalog = new KernelSourceCatalog([new("a.cu", "KERNEL void twice("), new("b.cu", "KERNEL void twice(")]);
        var error = Assert.Throws<DeviceException>(() => catalog.FindDefinition("twice"));
        Assert.That(error!.Message, Does.Contain("a.cu").And.Contain("b.cu"));
    }
}
