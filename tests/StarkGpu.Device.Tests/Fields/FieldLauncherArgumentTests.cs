using StarkGpu.Device.Cpu;
using StarkGpu.Device.FieldOps;
using StarkGpu.Fields;

namespace StarkGpu.Device.Tests.Fields;

/// <summary>The launchers refuse what their kernels would silently get wrong.</summary>
[TestFixture]
public sealed class FieldLauncherArgumentTests
{
    private CpuAccelerator _accelerator = null!;

    [OneTimeSetUp]
    public void OpenAccelerator() => _accelerator = Accelerators.Cpu();

    [OneTimeTearDown]
    public void CloseAccelerator() => _accelerator.Dispose();

    [Test]
    public void MismatchedLengths_AreRejected()
    {
        var stream = _accelerator.DefaultStream;
        using var a = stream.Allocate<KoalaBear>(8);
        using var b = stream.Allocate<KoalaBear>(7);
        Assert.Throws<ArgumentException>(() => DeviceFieldOps.Multiply(stream, a, b, a));
        Assert.Throws<ArgumentException>(() => DeviceFieldOps.Add(stream, a, a, b));
        Assert.Throws<ArgumentException>(() => DeviceBatchInverse.Invert(stream, a, b));
    }

    [Test]
    public void BatchInverse_RejectsInPlace_AndBadChunkSizes()
    {
        var stream = _accelerator.DefaultStream;
        using var a = stream.Allocate<BabyBear>(8);
        using var b = stream.Allocate<BabyBear>(8);
        Assert.Throws<ArgumentException>(() => DeviceBatchInverse.Invert(stream, a, a));
        Assert.Throws<ArgumentOutOfRangeException>(() => DeviceBatchInverse.Invert(stream, a, b, elementsPerChunk: 0));
    }

    [Test]
    public void EmptyBuffers_LaunchNothing()
    {
        var stream = _accelerator.DefaultStream;
        using var empty = stream.Allocate<KoalaBear>(0);
        using var emptyOutput = stream.Allocate<KoalaBear>(0);
        Assert.DoesNotThrow(() => DeviceFieldOps.Multiply(stream, empty, empty, emptyOutput));
        Assert.DoesNotThrow(() => DeviceBatchInverse.Invert(stream, empty, emptyOutput));
    }

    [Test]
    public void InPlaceMultiply_IsAllowed()
    {
        var stream = _accelerator.DefaultStream;
        KoalaBear[] values = [KoalaBear.FromCanonical(3), KoalaBear.FromCanonical(5)];
        using var buffer = stream.Upload<KoalaBear>(values);
        DeviceFieldOps.Multiply(stream, buffer, buffer, buffer);
        Assert.That(buffer.ToArray(), Is.EqualTo(new[] { KoalaBear.FromCanonical(9), KoalaBear.FromCanonical(25) }));
    }
}
