using System.Runtime.InteropServices;

namespace StarkGpu.Device.Cuda;

/// <summary>
/// ILGPU imports the driver as <c>cuda</c> (<c>nvcuda</c> on Windows), which on Linux probes <c>libcuda.so</c>: a
/// name only the CUDA toolkit's development files provide. The driver itself installs <c>libcuda.so.1</c>; this maps
/// ILGPU's request to it.
/// </summary>
internal static class CudaLibraryResolver
{
    private static readonly Lazy<bool> Registered = new(Register);

    public static void EnsureRegistered() => _ = Registered.Value;

    private static bool Register()
    {
        try
        {
            NativeLibrary.SetDllImportResolver(typeof(ILGPU.Context).Assembly, Resolve);
            return true;
        }
        catch (InvalidOperationException)
        {
            return false; // someone (ILGPU's WSL support) registered one already
        }
    }

    private static nint Resolve(string name, System.Reflection.Assembly assembly, DllImportSearchPath? searchPath)
    {
        if (name is not ("cuda" or "nvcuda" or "libcuda" or "libcuda.so"))
        {
            return 0;
        }

        foreach (var candidate in (string[])["libcuda.so.1", "libcuda.so", name])
        {
            if (NativeLibrary.TryLoad(candidate, assembly, searchPath, out var handle))
            {
                return handle;
            }
        }

        return 0;
    }
}
