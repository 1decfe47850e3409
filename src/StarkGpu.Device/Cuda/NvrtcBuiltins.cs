namespace StarkGpu.Device.Cuda;

/// <summary>Picks the libnvrtc-builtins file that belongs to an NVRTC version.</summary>
internal static class NvrtcBuiltins
{
    /// <summary>
    /// Among <paramref name="fileNames"/> of one directory: <c>libnvrtc-builtins.so.M.m</c> (the soname
    /// NVRTC M.m asks for), else its fully versioned file, else the newest of the same major; null if none.
    /// </summary>
    public static string? Choose(IEnumerable<string> fileNames, int major, int minor)
    {
        var exact = $"libnvrtc-builtins.so.{major}.{minor}";
        var sameMajor = $"libnvrtc-builtins.so.{major}.";
        var candidates = fileNames.Where(n => n == exact || n.StartsWith(sameMajor, StringComparison.Ordinal)).ToList();
        return candidates.Contains(exact)
            ? exact
            : candidates.Where(n => n.StartsWith(exact + ".", StringComparison.Ordinal)).Order(StringComparer.Ordinal).FirstOrDefault()
              ?? candidates.Order(StringComparer.Ordinal).LastOrDefault();
    }
}
