using StarkGpu.Device;
using StarkGpu.Device.Cpu;

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
        Assert.Throws<ObjectDisposedException>(() => _ = buffer.Pointer);
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
    public unsafe void StagedHostDataIsReadInPlaceOnTheCpuBackend()
    {
        using var accelerator = Accelerators.Cpu();
        var stream = accelerator.DefaultStream;
        var data = Enumerable.Range(0, 10_007).Select(i => (uint)i * 2654435761u).ToArray();
        using var output = stream.Allocate<uint>(data.Length);
        var before = accelerator.Ledger.LiveBytes;
        using (var input = stream.Stage<uint>(data))
        {
            Assert.That(input.IsHostMemory, Is.True);
            Assert.That(input.Length, Is.EqualTo(data.Length));
            fixed (uint* host = data)
            {
                Assert.That(input.Pointer.Address, Is.EqualTo((ulong)host), "no copy: the kernel reads the array itself");
            }

            Assert.That(accelerator.Ledger.LiveBytes, Is.EqualTo(before), "staging allocates no device memory");
            stream.Launch("copy_u32", data.Length, input, output, (ulong)data.Length);
        }

        Assert.That(output.ToArray(), Is.EqualTo(data));
    }

    [Test]
    public void AStagedInputCannotBeUsedAfterDisposal()
    {
        using var accelerator = Accelerators.Cpu();
        var input = accelerator.DefaultStream.Stage<uint>(new uint[] { 1, 2, 3 });
        input.Dispose();
        input.Dispose();
        Assert.Throws<ObjectDisposedException>(() => _ = input.Pointer);
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
    }

    [Test]
    public void PinnedUploadMatchesPlainUpload()
    {
        using var accelerator = Accelerators.Cpu();
        var stream = accelerator.CreateStream();
        using var pinned = accelerator.AllocatePinned<uint>(1000);
        for (var i = 0; i < 1000; i++)
        {
            pinned.Span[i] = (uint)(i * 2654435761u);
        }

        using var buffer = stream.AllocateZeroed<uint>(1000);
        stream.CopyToDeviceAsync(pinned, 1000, buffer);
        stream.Synchronize();
        Assert.That(buffer.ToArray(), Is.EqualTo(pinned.Span.ToArray()));
        stream.Dispose();
    }

    [Test]
    public void UnknownKernelNameIsAClearError()
    {
        using var accelerator = Accelerators.Cpu();
        var error = Assert.Throws<DeviceException>(() => accelerator.GetKernel("no_such_kernel"));
        Assert.That(error!.Message, Does.Contain("no_such_kernel"));
    }

    [Test]
    public void CpuLibraryRegistersTheLayoutKernels()
    {
        Assert.That(CpuAccelerator.KernelNames(), Is.SupersetOf(new[] { "copy_u32", "fill_u32", "transpose_u32" }));
    }
}
