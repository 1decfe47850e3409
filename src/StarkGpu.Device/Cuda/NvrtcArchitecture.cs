namespace StarkGpu.Device.Cuda;

/// <summary>Chooses the <c>sm_XY</c> to compile for, given the device and what NVRTC can emit.</summary>
internal static class NvrtcArchitecture
{
    /// <summary>
    /// The device's own architecture when NVRTC supports it (or cannot say), else the newest supported one
    /// of the same major version and no newer minor, since a CUBIN runs on any device of its major version
    /// with an equal or higher minor version. Null when NVRTC can emit nothing the device runs.
    /// </summary>
    /// <param name="supported">Architectures as 10 x major + minor (90 = sm_90, 120 = sm_120).</param>
    public static string? Choose(int major, int minor, IReadOnlyCollection<int> supported)
    {
        var device = (major * 10) + minor;
        if (supported.Count == 0 || supported.Contains(device))
        {
            return Name(device);
        }

        var compatible = supported.Where(a => a / 10 == major && a <= device).DefaultIfEmpty(-1).Max();
        return compatible < 0 ? null : Name(compatible);
    }

    private static string Name(int architecture) => $"sm_{architecture}";
}
