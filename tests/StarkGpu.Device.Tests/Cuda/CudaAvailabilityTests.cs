using System.Runtime.InteropServices;
using StarkGpu.Device.Cuda;

namespace StarkGpu.Device.Tests.Cuda;

/// <summary>Without a GPU the backend says so in one sentence, and never crashes.</summary>
[TestFixture]
public sealed class CudaAvailabilityTests
{
    [Test]
    public void ProbeNeverThrows()
    {
        CudaProbeResult? probe = null;
        Assert.DoesNotThrow(() => probe = CudaDevices.Probe());
        Assert.That(probe!.IsAvailable, Is.EqualTo(probe.UnavailableReason is null));
        if (probe.IsAvailable)
        {
            Assert.That(probe.Devices, Is.Not.Empty);
            Assert.That(probe.Devices.Select(d => d.Ordinal), Is.EqualTo(Enumerable.Range(0, probe.Devices.Count)));
        }
        else
        {
            Assert.That(probe.Devices, Is.Empty);
        }
    }

    [Test]
    public void UnavailableReasonIsOneSentence()
    {
        var probe = CudaDevices.Probe();
        Assume.That(probe.IsAvailable, Is.False, "this machine has CUDA");
        var reason = probe.UnavailableReason!;
        Assert.That(reason, Does.EndWith("."));
        Assert.That(reason, Does.Not.Contain("\n"));
        Assert.That(reason.TrimEnd('.'), Does.Not.Contain(". "), "one sentence");
    }

    [Test]
    public void WithoutTheDriverTheReasonNamesIt()
    {
        Assume.That(NativeLibrary.TryLoad("libcuda.so.1", out _), Is.False, "this machine has a CUDA driver");
        Assert.That(
            CudaDevices.Probe().UnavailableReason,
            Is.EqualTo("No CUDA driver found (libcuda.so.1 could not be loaded); the cuda backend needs an NVIDIA GPU and its driver."));
    }

    [Test]
    public void OpeningWithoutCudaThrowsTheProbeReason()
    {
        var probe = CudaDevices.Probe();
        Assume.That(probe.IsAvailable, Is.False, "this machine has CUDA");
        var error = Assert.Throws<DeviceException>(() => Accelerators.Cuda());
        Assert.That(error!.Message, Is.EqualTo(probe.UnavailableReason));
        Assert.Throws<DeviceException>(() => Accelerators.Open(AcceleratorKind.Cuda));
    }

    [Test]
    public void NegativeOrdinalIsAnArgumentError() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => CudaAccelerator.Open(-1));
}
