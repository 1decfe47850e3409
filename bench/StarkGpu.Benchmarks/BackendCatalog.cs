using StarkGpu.Device;

namespace StarkGpu.Benchmarks;

/// <summary>Which backends the kernel benchmarks run on: the CPU accelerator always, CUDA when a device is present.</summary>
public static class BackendCatalog
{
    private static readonly Lazy<string?> s_cudaUnavailable = new(() =>
    {
        try
        {
            using var cuda = Accelerators.Cuda();
            return null;
        }
        catch (DeviceException e)
        {
            return e.Message;
        }
    });

    public static IEnumerable<string> Available()
    {
        yield return "cpu";
        if (s_cudaUnavailable.Value is null)
        {
            yield return "cuda";
        }
    }

    public static string Describe() =>
        s_cudaUnavailable.Value is { } reason
            ? $"benchmarking the cpu backend only; cuda is not benchmarked: {reason}"
            : "benchmarking the cpu and cuda backends";

    public static Accelerator Open(string backend) => backend == "cuda" ? Accelerators.Cuda() : Accelerators.Cpu();
}
