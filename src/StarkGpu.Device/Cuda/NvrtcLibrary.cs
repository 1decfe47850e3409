using System.Runtime.InteropServices;

namespace StarkGpu.Device.Cuda;

/// <summary>
/// NVRTC, the CUDA runtime compiler, loaded once per process. Its file name carries the CUDA major
/// version, so it is found by trying names (and <c>$STARKGPU_NVRTC</c>) and bound through function
/// pointers rather than <c>[LibraryImport]</c>: an assembly-wide DllImport resolver would be the only
/// one allowed for the whole assembly. NVRTC dlopens <c>libnvrtc-builtins.so.M.m</c> by soname at
/// compile time, which fails with NVRTC_ERROR_BUILTIN_OPERATION_FAILURE (7) when its directory is not
/// on the loader path, so the builtins are preloaded by absolute path from NVRTC's own directory.
/// </summary>
internal sealed unsafe class NvrtcLibrary
{
    /// <summary>An absolute path to libnvrtc.so.*, tried before the usual names.</summary>
    public const string PathVariable = "STARKGPU_NVRTC";

    internal static readonly string[] CandidateNames =
    [
        "libnvrtc.so.13",
        "libnvrtc.so.12",
        "libnvrtc.so",
        "/usr/local/cuda/lib64/libnvrtc.so.13",
        "/usr/local/cuda/lib64/libnvrtc.so.12",
        "/usr/local/cuda/lib64/libnvrtc.so",
    ];

    private static readonly Lazy<NvrtcLibrary> s_shared = new(Load);

    private NvrtcLibrary(nint handle, string filePath)
    {
        FilePath = filePath;
        Version = (delegate* unmanaged<int*, int*, int>)Export(handle, "nvrtcVersion");
        CreateProgram = (delegate* unmanaged<nint*, byte*, byte*, int, byte**, byte**, int>)Export(handle, "nvrtcCreateProgram");
        CompileProgram = (delegate* unmanaged<nint, int, byte**, int>)Export(handle, "nvrtcCompileProgram");
        GetProgramLogSize = (delegate* unmanaged<nint, nuint*, int>)Export(handle, "nvrtcGetProgramLogSize");
        GetProgramLog = (delegate* unmanaged<nint, byte*, int>)Export(handle, "nvrtcGetProgramLog");
        GetCubinSize = (delegate* unmanaged<nint, nuint*, int>)Export(handle, "nvrtcGetCUBINSize");
        GetCubin = (delegate* unmanaged<nint, byte*, int>)Export(handle, "nvrtcGetCUBIN");
        DestroyProgram = (delegate* unmanaged<nint*, int>)Export(handle, "nvrtcDestroyProgram");
        GetErrorString = (delegate* unmanaged<int, byte*>)Export(handle, "nvrtcGetErrorString");

        int major, minor;
        Check(Version(&major, &minor), "nvrtcVersion");
        Major = major;
        Minor = minor;
        SupportedArchitectures = QuerySupportedArchitectures(handle);
    }

    /// <summary>The process-wide NVRTC; throws a <see cref="DeviceException"/> saying what is missing.</summary>
    public static NvrtcLibrary Shared => s_shared.Value;

    public string FilePath { get; }

    public int Major { get; }

    public int Minor { get; }

    public string VersionText => $"{Major}.{Minor}";

    /// <summary>Architectures NVRTC can target, as 10 x major + minor (90 = sm_90); empty when it cannot say.</summary>
    public IReadOnlyList<int> SupportedArchitectures { get; }

    // nvrtcResult (int) functions, with nvrtcProgram as nint.
    public delegate* unmanaged<int*, int*, int> Version { get; }

    public delegate* unmanaged<nint*, byte*, byte*, int, byte**, byte**, int> CreateProgram { get; }

    public delegate* unmanaged<nint, int, byte**, int> CompileProgram { get; }

    public delegate* unmanaged<nint, nuint*, int> GetProgramLogSize { get; }

    public delegate* unmanaged<nint, byte*, int> GetProgramLog { get; }

    public delegate* unmanaged<nint, nuint*, int> GetCubinSize { get; }

    public delegate* unmanaged<nint, byte*, int> GetCubin { get; }

    public delegate* unmanaged<nint*, int> DestroyProgram { get; }

    public delegate* unmanaged<int, byte*> GetErrorString { get; }

    public string Describe(int result) => $"{Marshal.PtrToStringUTF8((nint)GetErrorString(result))} ({result})";

    public void Check(int result, string call)
    {
        if (result != 0)
        {
            throw new DeviceException($"{call} failed: {Describe(result)}") { Call = call, ErrorCode = result };
        }
    }

    private static NvrtcLibrary Load()
    {
        var overridden = Environment.GetEnvironmentVariable(PathVariable);
        IEnumerable<string> names = string.IsNullOrEmpty(overridden) ? CandidateNames : [overridden, .. CandidateNames];
        foreach (var name in names)
        {
            if (!NativeLibrary.TryLoad(name, out var handle))
            {
                continue;
            }

            var filePath = LoadedLibraryPath.Containing(NativeLibrary.GetExport(handle, "nvrtcVersion")) ?? name;
            var library = new NvrtcLibrary(handle, filePath);
            library.PreloadBuiltins();
            return library;
        }

        throw new DeviceException(
            $"NVRTC, the CUDA runtime compiler, was not found (tried {string.Join(", ", names)}); the cuda backend compiles its kernels at run time and needs it (the CUDA toolkit's cuda-nvrtc package, or ${PathVariable} set to libnvrtc.so's path).")
        {
            Call = "dlopen",
        };
    }

    private void PreloadBuiltins()
    {
        var directory = Path.GetDirectoryName(FilePath);
        if (string.IsNullOrEmpty(directory) || !Directory.Exists(directory))
        {
            return; // nothing to go on: NVRTC will search the loader path itself
        }

        var fileNames = Directory.EnumerateFiles(directory, "libnvrtc-builtins.so*").Select(Path.GetFileName).OfType<string>();
        var builtins = NvrtcBuiltins.Choose(fileNames, Major, Minor);
        if (builtins is not null)
        {
            _ = NativeLibrary.TryLoad(Path.Combine(directory, builtins), out _);
        }
    }

    private static int[] QuerySupportedArchitectures(nint handle)
    {
        // Both exist since NVRTC 11.2; without them the device's own architecture is tried as is.
        if (!NativeLibrary.TryGetExport(handle, "nvrtcGetNumSupportedArchs", out var countExport) ||
            !NativeLibrary.TryGetExport(handle, "nvrtcGetSupportedArchs", out var listExport))
        {
            return [];
        }

        int count;
        if (((delegate* unmanaged<int*, int>)countExport)(&count) != 0 || count <= 0)
        {
            return [];
        }

        var architectures = new int[count];
        fixed (int* list = architectures)
        {
            return ((delegate* unmanaged<int*, int>)listExport)(list) == 0 ? architectures : [];
        }
    }

    private static nint Export(nint handle, string name) =>
        NativeLibrary.TryGetExport(handle, name, out var address)
            ? address
            : throw new DeviceException($"the NVRTC library does not export {name}; it is too old for the cuda backend") { Call = "dlsym" };
}
