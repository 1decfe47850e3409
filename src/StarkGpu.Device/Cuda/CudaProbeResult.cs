namespace StarkGpu.Device.Cuda;

/// <summary>
/// What <see cref="CudaDevices.Probe"/> found: the devices, or one sentence saying why the cuda backend
/// cannot run on this machine.
/// </summary>
public sealed record CudaProbeResult
{
    private CudaProbeResult(IReadOnlyList<CudaDeviceInfo> devices, string? unavailableReason)
    {
        Devices = devices;
        UnavailableReason = unavailableReason;
    }

    /// <summary>Every device the driver reports, by ordinal; empty when unavailable.</summary>
    public IReadOnlyList<CudaDeviceInfo> Devices { get; }

    /// <summary>Why CUDA cannot be used, in one sentence; null when it can.</summary>
    public string? UnavailableReason { get; }

    public bool IsAvailable => UnavailableReason is null;

    internal static CudaProbeResult Available(IReadOnlyList<CudaDeviceInfo> devices) => new(devices, null);

    internal static CudaProbeResult Unavailable(string reason) => new([], reason);

    public override string ToString() =>
        IsAvailable ? string.Join(Environment.NewLine, Devices) : UnavailableReason!;
}
