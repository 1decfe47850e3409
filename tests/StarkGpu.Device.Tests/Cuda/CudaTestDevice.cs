using StarkGpu.Device.Cuda;

namespace StarkGpu.Device.Tests.Cuda;

/// <summary>Opens CUDA device 0 for a test, or ignores the test on machines without one.</summary>
internal static class CudaTestDevice
{
    public static CudaAccelerator OpenOrIgnore()
    {
        var probe = CudaDevices.Probe();
        if (!probe.IsAvailable)
        {
            Assert.Ignore($"needs a CUDA GPU: {probe.UnavailableReason}");
        }

        return CudaAccelerator.Open(0);
    }
}
