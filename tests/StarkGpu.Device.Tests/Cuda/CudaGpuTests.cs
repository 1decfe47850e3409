using StarkGpu.Device.Cuda;
using StarkGpu.Device.SelfTest;

namespace StarkGpu.Device.Tests.Cuda;

/// <summary>The backend on a real GPU; ignored where there is none.</summary>
[TestFixture]
[NonParallelizable]
public sealed class CudaGpuTests
{
    private static IEnumerable<SelfTestCase> Cases => DeviceLayerChecks.All;

    [Test]
    public void DescribesTheDevice()
    {
        using var gpu = CudaTestDevice.OpenOrIgnore();
        Assert.That(gpu.Kind, Is.EqualTo(AcceleratorKind.Cuda));
        Assert.That(gpu.Name, Is.Not.Empty);
        Assert.That(gpu.Device.Multiprocessors, Is.Positive);
        Assert.That(gpu.FreeMemoryBytes, Is.Positive.And.LessThanOrEqualTo(gpu.TotalMemoryBytes));
        TestContext.Out.WriteLine(gpu.Device);
    }

    [TestCaseSource(nameof(Cases))]
    public void PassesTheDeviceLayerSelfTests(SelfTestCase check)
    {
        using var gpu = CudaTestDevice.OpenOrIgnore();
        var seed = TestContext.CurrentContext.Random.Next();
        var result = SelfTestRunner.RunOne(check, gpu, seed);
        Assert.That(result.Passed, Is.True, $"{result.Name} (seed {seed}): {result.Detail}");
        Assert.That(gpu.Ledger.LiveBytes, Is.Zero);
    }

    [Test]
    public void EveryEmbeddedKernelCompilesAndLoads()
    {
        using var gpu = CudaTestDevice.OpenOrIgnore();
        Assert.Multiple(() =>
        {
            foreach (var name in CudaAccelerator.KernelNames())
            {
                Assert.DoesNotThrow(() => gpu.GetKernel(name), name);
            }
        });
    }

    [Test]
    public void CopiesFillsAndLaunchesInStreamOrder()
    {
        using var gpu = CudaTestDevice.OpenOrIgnore();
        using var stream = gpu.CreateStream();
        var data = Enumerable.Range(0, 100_003).Select(i => (uint)i * 2654435761u).ToArray();
        using (var input = stream.Upload<uint>(data))
        using (var output = stream.Allocate<uint>(data.Length))
        {
            stream.Launch("copy_u32", data.Length, input, output, (ulong)data.Length);
            Assert.That(output.ToArray(), Is.EqualTo(data));
            stream.Fill32(output, 7u, offset: 10, count: 5);
            var host = new uint[20];
            stream.CopyToHost(output, host);
            Assert.That(host[9..16], Is.EqualTo(new uint[] { data[9], 7, 7, 7, 7, 7, data[15] }));
        }

        using (var bytes = stream.AllocateZeroed<byte>(7))
        {
            Assert.That(bytes.ToArray(), Is.All.Zero);
        }

        Assert.That(gpu.Ledger.LiveBytes, Is.Zero);
    }

    [Test]
    public void StagedHostDataIsADeviceCopyOnTheGpu()
    {
        using var gpu = CudaTestDevice.OpenOrIgnore();
        using var stream = gpu.CreateStream();
        var data = Enumerable.Range(0, 100_003).Select(i => (uint)i * 2654435761u).ToArray();
        using (var output = stream.Allocate<uint>(data.Length))
        {
            using (var input = stream.Stage<uint>(data))
            {
                Assert.That(input.IsHostMemory, Is.False);
                Assert.That(gpu.Ledger.LiveBytes, Is.EqualTo(2L * data.Length * sizeof(uint)));
                stream.Launch("copy_u32", data.Length, input, output, (ulong)data.Length);
            }

            Assert.That(output.ToArray(), Is.EqualTo(data));
        }

        Assert.That(gpu.Ledger.LiveBytes, Is.Zero);
    }

    [Test]
    public void PinnedCopiesAreAsynchronousUntilSynchronised()
    {
        using var gpu = CudaTestDevice.OpenOrIgnore();
        using var stream = gpu.CreateStream();
        using var pinned = gpu.AllocatePinned<uint>(1 << 20);
        pinned.Span.Fill(0xdeadbeef);
        using var buffer = stream.Allocate<uint>(pinned.Length);
        stream.CopyToDeviceAsync(pinned, pinned.Length, buffer);
        stream.Synchronize();
        Assert.That(buffer.ToArray(), Is.All.EqualTo(0xdeadbeef));
    }

    [Test]
    public async Task SynchronizeAsyncCompletesFromAnotherThread()
    {
        using var gpu = CudaTestDevice.OpenOrIgnore();
        using var stream = gpu.CreateStream();
        using var buffer = stream.Allocate<uint>(1 << 24);
        // Another OS thread: the context must be made current there too.
        await Task.Run(() => stream.Fill32(buffer, 3u));
        await stream.SynchronizeAsync();
        var tail = new uint[4];
        stream.CopyToHost(buffer, tail, buffer.Length - 4);
        Assert.That(tail, Is.All.EqualTo(3u));
    }

    [Test]
    public void OutOfMemoryIsReportedWithTheFreeBytes()
    {
        using var gpu = CudaTestDevice.OpenOrIgnore();
        using var stream = gpu.CreateStream();
        var error = Assert.Throws<DeviceOutOfMemoryException>(() => stream.Allocate<byte>(gpu.TotalMemoryBytes * 2));
        Assert.That(error!.RequestedBytes, Is.EqualTo(gpu.TotalMemoryBytes * 2));
        Assert.That(error.Message, Does.Contain(gpu.Name));
        Assert.That(gpu.Ledger.LiveBytes, Is.Zero);
    }

    [Test]
    public void TimerMeasuresDeviceWork()
    {
        using var gpu = CudaTestDevice.OpenOrIgnore();
        using var stream = gpu.CreateStream();
        using var buffer = stream.Allocate<uint>(1 << 26);
        using var timer = CudaTimer.Start(stream);
        stream.Fill32(buffer, 1u);
        timer.Stop();
        Assert.That(timer.ElapsedMilliseconds, Is.Positive);
    }

    [Test]
    [NonParallelizable]
    public void CompiledKernelsAreCachedOnDisk()
    {
        var directory = Path.Combine(Path.GetTempPath(), $"stark-gpu-cubin-gpu-test-{Guid.NewGuid():N}");
        var saved = Environment.GetEnvironmentVariable(CubinCache.DirectoryVariable);
        Environment.SetEnvironmentVariable(CubinCache.DirectoryVariable, directory);
        try
        {
            using (var gpu = CudaTestDevice.OpenOrIgnore())
            {
                gpu.GetKernel("copy_u32");
            }

            var cubin = Directory.GetFiles(directory, "layout_transpose-*.cubin");
            Assert.That(cubin, Has.Length.EqualTo(1));
            using (var again = CudaAccelerator.Open(0))
            {
                Assert.DoesNotThrow(() => again.GetKernel("transpose_u32"));
            }
        }
        finally
        {
            Environment.SetEnvironmentVariable(CubinCache.DirectoryVariable, saved);
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
    }
}
