using StarkGpu.Device;
using StarkGpu.Device.Cuda;

namespace StarkGpu.Benchmarks;

/// <summary>Which backends the kernel benchmarks run on: the CPU always, CUDA when a device is present.</summary>
public static class BackendCatalog
{
    public static IEnumerable<string> Available()
    {
        yield return "cpu";
        if (CudaDevices.Probe().Devices.Count > 0)
        {
            yield return "cuda";
        }
    }

    public static string Describe()
    {
        var cuda = CudaDevices.Probe();
        return cuda.Devices.Count > 0
            ? $"benchmarking the cpu and cuda backends ({cuda.Devices[0].Name})"
            : $"benchmarking the cpu backend only; cuda is not benchmarked: {cuda.UnavailableReason}";
    }

    public static Accelerator Open(string backend) => backend == "cuda" ? Accelerators.Cuda() : Accelerators.Cpu();
}
