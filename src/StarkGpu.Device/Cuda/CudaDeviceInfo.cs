namespace StarkGpu.Device.Cuda;

/// <summary>One CUDA device as the driver describes it.</summary>
/// <param name="Ordinal">The index to pass to <see cref="CudaAccelerator.Open"/>.</param>
/// <param name="DriverVersion">The driver's CUDA version, encoded as 1000 x major + 10 x minor (13000 = 13.0).</param>
public sealed record CudaDeviceInfo(
    int Ordinal,
    string Name,
    int Multiprocessors,
    long TotalMemoryBytes,
    int ComputeCapabilityMajor,
    int ComputeCapabilityMinor,
    int DriverVersion)
{
    /// <summary>The NVRTC architecture of the device itself, such as <c>sm_90</c>.</summary>
    public string Architecture => $"sm_{ComputeCapabilityMajor}{ComputeCapabilityMinor}";

    public override string ToString() =>
        $"CUDA device {Ordinal}: {Name} ({Architecture}, {Multiprocessors} SMs, {TotalMemoryBytes / (1L << 20):N0} MiB, driver {DriverVersion / 1000}.{DriverVersion % 1000 / 10})";
}
