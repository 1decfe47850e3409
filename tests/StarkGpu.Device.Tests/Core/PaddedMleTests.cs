using StarkGpu.Device;

namespace StarkGpu.Device.Tests.Core;

[TestFixture]
public sealed class PaddedMleTests
{
    [Test]
    public void VirtualRowsReadAsZeroAndAllocateNothing()
    {
        using var accelerator = Accelerators.Cpu();
        var stream = accelerator.DefaultStream;
        // column-major 2 x 3: columns (1,2,3) and (4,5,6)
        var storage = stream.Upload<uint>([1, 2, 3, 4, 5, 6]);
        using var mle = PaddedMle<uint>.Of(new DeviceMle<uint>(storage, width: 2, height: 3), numVariables: 3);
        Assert.That(mle.PaddedHeight, Is.EqualTo(8));
        Assert.That(mle.ToHostRowMajor(5), Is.EqualTo(new uint[] { 1, 4, 2, 5, 3, 6, 0, 0, 0, 0 }));
        Assert.That(accelerator.Ledger.LiveBytes, Is.EqualTo(24), "padding must not be allocated");
    }

    [Test]
    public void ZeroMleOwnsNoMemory()
    {
        using var zeros = PaddedMle<uint>.Zeros(width: 7, numVariables: 20);
        Assert.That(zeros.IsVirtualZero, Is.True);
        Assert.That(zeros.Height, Is.Zero);
        Assert.That(zeros.ToHostRowMajor(2), Is.All.Zero);
    }

    [Test]
    public void TraceTallerThanTheDomainIsRejected()
    {
        using var accelerator = Accelerators.Cpu();
        using var storage = accelerator.DefaultStream.Allocate<uint>(5);
        var trace = new DeviceMle<uint>(storage, 1, 5);
        Assert.Throws<ArgumentException>(() => PaddedMle<uint>.Of(trace, 2));
    }
}
