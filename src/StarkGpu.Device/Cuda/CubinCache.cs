namespace StarkGpu.Device.Cuda;

/// <summary>
/// CUBINs on disk, so that NVRTC runs once per source, architecture and NVRTC version rather than once
/// per process. The cache is an optimisation: a file that cannot be read or written is recompiled, never
/// an error. Files are written to a temporary name and renamed, so that concurrent processes see a whole
/// CUBIN or none.
/// </summary>
internal sealed class CubinCache(string directory)
{
    /// <summary>Overrides the cache directory.</summary>
    public const string DirectoryVariable = "STARKGPU_CUBIN_CACHE";

    public string Directory { get; } = directory;

    /// <summary><c>$STARKGPU_CUBIN_CACHE</c>, else <c>$XDG_CACHE_HOME/stark-gpu/cubin</c>, else <c>~/.cache/stark-gpu/cubin</c>.</summary>
    public static CubinCache Default() => new(DefaultDirectory());

    public static string DefaultDirectory()
    {
        var overridden = Environment.GetEnvironmentVariable(DirectoryVariable);
        if (!string.IsNullOrEmpty(overridden))
        {
            return overridden;
        }

        var cacheHome = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        if (string.IsNullOrEmpty(cacheHome))
        {
            var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
            cacheHome = string.IsNullOrEmpty(home) ? Path.GetTempPath() : Path.Combine(home, ".cache");
        }

        return Path.Combine(cacheHome, "stark-gpu", "cubin");
    }

    /// <summary>A readable, unique file name: <c>layout_transpose-&lt;key&gt;.cubin</c>.</summary>
    public static string FileName(KernelSourceFile source, string key)
    {
        var stem = Path.ChangeExtension(source.Path, null).Replace('/', '_');
        return $"{stem}-{key}.cubin";
    }

    public byte[]? TryRead(string fileName)
    {
        try
        {
            var path = Path.Combine(Directory, fileName);
            return File.Exists(path) ? File.ReadAllBytes(path) : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    public void TryWrite(string fileName, byte[] cubin)
    {
        var path = Path.Combine(Directory, fileName);
        var temporary = $"{path}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
        try
        {
            System.IO.Directory.CreateDirectory(Directory);
            File.WriteAllBytes(temporary, cubin);
            File.Move(temporary, path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            DeleteQuietly(temporary);
        }
    }

    public void TryDelete(string fileName) => DeleteQuietly(Path.Combine(Directory, fileName));

    private static void DeleteQuietly(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Best effort: a stale file is only ever a cache miss.
        }
    }
}
