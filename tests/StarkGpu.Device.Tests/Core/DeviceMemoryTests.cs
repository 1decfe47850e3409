using StarkGpu.Device.Cpu;
using StarkGpu.Device.Layout;

namespace StarkGpu.Device.Tests.Core;

[TestFixture]
public sealed class DeviceMemoryTests
{
    [Test]
    public void LedgerTracksLiveAndPeakBytes()
    {
        using var accelerator = Accelerators.Cpu();
        var stream = accelerator.DefaultStream;
        using (var a = stream.Allocate<uint>(100))
        using (var b = stream.Allocate<ulong>(10))
        {
            Assert.That(accelerator.Ledger.LiveBytes, Is.EqualTo(480));
            Assert.That(accelerator.Ledger.LiveAllocations, Is.EqualTo(2));
        }

        Assert.That(accelerator.Ledger.LiveBytes, Is.Zero);
        Assert.That(accelerator.Ledger.PeakBytes, Is.EqualTo(480));
    }

    [Test]
    public void DisposingTwiceFreesOnce()
    {
        using var accelerator = Accelerators.Cpu();
        var buffer = accelerator.DefaultStream.Allocate<uint>(4);
        buffer.Dispose();
        buffer.Dispose();
        Assert.That(accelerator.Ledger.LiveBytes, Is.Zero);
        Assert.Throws<ObjectDisposedException>(() => _ = buffer.View);
    }

    [Test]
    public void AllocationBeyondTheLimitNamesRequestedAndAvailableBytes()
    {
        using var accelerator = Accelerators.Cpu(new CpuAcceleratorOptions { MemoryLimitBytes = 1 << 20 });
        using var held = accelerator.DefaultStream.Allocate<byte>(1000);
        var error = Assert.Throws<DeviceOutOfMemoryException>(() => accelerator.DefaultStream.Allocate<uint>(1 << 18));
        Assert.That(error!.RequestedBytes, Is.EqualTo(1 << 20));
        Assert.That(error.AvailableBytes, Is.EqualTo((1 << 20) - 1000));
        Assert.That(error.Message, Does.Contain("1,048,576").And.Contain("1,047,576"));
        Assert.That(accelerator.Ledger.LiveBytes, Is.EqualTo(1000));
    }

    [Test]
    public void StagedHostDataReachesKernels()
    {
        using var accelerator = Accelerators.Cpu();
        var stream = accelerator.DefaultStream;
        var data = Enumerable.Range(0, 10_007).Select(i => (uint)i * 2654435761u).ToArray();
        using var output = stream.Allocate<uint>(data.Length);
        var before = accelerator.Ledger.LiveBytes;
        using (var input = stream.Stage<uint>(data))
        {
            Assert.That(input.Length, Is.EqualTo(data.Length));
            Assert.That(input.IsHostMemory, Is.True, "the CPU backend reads the array in place");
            Assert.That(accelerator.Ledger.LiveBytes, Is.EqualTo(before), "staging allocates no device memory");
            var range = accelerator.Range(data.Length);
            stream.Launch(Kernels.Memory.MemoryKernels.Copy, range.Workers, input.View, output.View, range);
        }

        Assert.That(output.ToArray(), Is.EqualTo(data));
        Assert.That(accelerator.Ledger.LiveBytes, Is.EqualTo(output.SizeInBytes));
    }

    [Test]
    public void AStagedInputCannotBeUsedAfterDisposal()
    {
        using var accelerator = Accelerators.Cpu();
        var input = accelerator.DefaultStream.Stage<uint>(new uint[] { 1, 2, 3 });
        input.Dispose();
        input.Dispose();
        Assert.Throws<ObjectDisposedException>(() => _ = input.View);
        Assert.That(accelerator.Ledger.LiveBytes, Is.Zero);
    }

    [Test]
    public void CopiesOutsideTheBufferAreRejected()
    {
        using var accelerator = Accelerators.Cpu();
        var stream = accelerator.DefaultStream;
        using var buffer = stream.Allocate<uint>(8);
        Assert.Throws<ArgumentOutOfRangeException>(() => stream.CopyToDevice<uint>(new uint[9], buffer));
        Assert.Throws<ArgumentOutOfRangeException>(() => stream.CopyToHost(buffer, new uint[4], sourceOffset: 5));
        Assert.Throws<ArgumentOutOfRangeException>(() => stream.Fill32(buffer, 1, 6, 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => buffer.Slice(7, 2));
    }

    [Test]
    public void PinnedUploadMatchesPlainUpload()
    {
        using var accelerator = Accelerators.Cpu();
        using var stream = accelerator.CreateStream();
        using var pinned = accelerator.AllocatePinned<uint>(1000);
        for (var i = 0; i < 1000; i++)
        {
            pinned.Span[i] = (uint)(i * 2654435761u);
        }

        using var buffer = stream.AllocateZeroed<uint>(1200);
        stream.CopyToDeviceAsync(pinned, 900, buffer, 100);
        stream.Synchronize();
        var expected = new uint[1200];
        pinned.Span[..900].CopyTo(expected.AsSpan(100));
        Assert.That(buffer.ToArray(), Is.EqualTo(expected));
    }

    [Test]
    public void FillClearAndDeviceCopiesWriteExactlyTheirRange()
    {
        using var accelerator = Accelerators.Cpu();
        var stream = accelerator.DefaultStream;
        using var a = stream.AllocateZeroed<uint>(100_003);
        Assert.That(a.ToArray(), Is.All.Zero);
        stream.Fill32(a, 7u, 10, 50_000);
        var host = a.ToArray();
        Assert.That(host[..10], Is.All.Zero);
        Assert.That(host[10..50_010], Is.All.EqualTo(7u));
        Assert.That(host[50_010..], Is.All.Zero);

        using var b = stream.Allocate<uint>(100_003);
        stream.Fill32(b, 9u);
        stream.CopyDeviceToDevice(a, 5, b, 1, 20);
        var copied = b.ToArray();
        Assert.That(copied[0], Is.EqualTo(9u));
        Assert.That(copied[1..21], Is.EqualTo(host[5..25]));
        Assert.That(copied[21..], Is.All.EqualTo(9u));

        DeviceTranspose.Copy(stream, a, b, a.Length);
        Assert.That(b.ToArray(), Is.EqualTo(host));
        stream.Clear(b);
        Assert.That(b.ToArray(), Is.All.Zero);
    }

    [Test]
    public unsafe void HostPointerIsTheBufferOnTheCpuBackend()
    {
        using var accelerator = Accelerators.Cpu();
        var stream = accelerator.DefaultStream;
        using var buffer = stream.Upload<uint>([1, 2, 3, 4]);
        Assert.That(accelerator.MemoryIsHostAddressable, Is.True);
        Assert.That(((uint*)buffer.HostPointer)[2], Is.EqualTo(3u));
    }

    [Test]
    public void MleCellsAreTheStorageAsWords()
    {
        using var accelerator = Accelerators.Cpu();
        var stream = accelerator.DefaultStream;
        using var mle = new DeviceMle<uint>(stream.Upload<uint>([1, 2, 3, 4, 5, 6]), width: 2, height: 3);
        Assert.That(mle.Cells.Length, Is.EqualTo(6));
        Assert.That(mle.Column(1).Length, Is.EqualTo(3));
        Assert.That(mle.ToHostRowMajor(), Is.EqualTo(new uint[] { 1, 4, 2, 5, 3, 6 }));
    }
}
