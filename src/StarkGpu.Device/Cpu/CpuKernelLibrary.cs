using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;

namespace StarkGpu.Device.Cpu;

/// <summary>
/// One build of the kernels of <c>kernels/</c>, compiled by g++ under the CUDA emulation header (see
/// kernels/Makefile) and loaded from next to the application. Its entry points mirror the driver API's shape. On
/// x86-64 there are two builds of the same sources, portable (x86-64-v3) and AVX-512 (x86-64-v4); each is loaded at
/// most once per process and shared by every accelerator that runs it, so one process (a test) can run both.
/// </summary>
internal sealed unsafe class CpuKernelLibrary
{
    private const string PortableName = "starkgpu_kernels";
    private const string Avx512Name = "starkgpu_kernels_avx512";

    private static readonly Lazy<CpuKernelLibrary> Portable = new(() => Load(PortableName));
    private static readonly Lazy<CpuKernelLibrary?> Avx512 = new(() => TryLoad(Avx512Name));

    private readonly delegate* unmanaged<byte*, nint> _getFunction;
    private readonly delegate* unmanaged<nint, void**, uint, uint, uint, uint, uint, uint, uint, int, int> _launch;
    private readonly delegate* unmanaged<int> _processorCount;
    private readonly delegate* unmanaged<int> _kernelCount;
    private readonly delegate* unmanaged<int, nint> _kernelName;

    private CpuKernelLibrary(nint handle)
    {
        _getFunction = (delegate* unmanaged<byte*, nint>)Export(handle, "emu_get_function");
        _launch = (delegate* unmanaged<nint, void**, uint, uint, uint, uint, uint, uint, uint, int, int>)Export(handle, "emu_launch");
        _processorCount = (delegate* unmanaged<int>)Export(handle, "emu_processor_count");
        _kernelCount = (delegate* unmanaged<int>)Export(handle, "emu_kernel_count");
        _kernelName = (delegate* unmanaged<int, nint>)Export(handle, "emu_kernel_name");
        Isa = Marshal.PtrToStringUTF8(((delegate* unmanaged<nint>)Export(handle, "emu_isa"))()) ?? "unknown";
    }

    /// <summary>The instruction set the library was compiled for, as it reports it ("x86-64-v4", "x86-64-v3", "generic").</summary>
    public string Isa { get; }

    /// <summary>Whether this processor runs x86-64-v4 code: AVX-512 F, BW, CD, DQ and VL.</summary>
    public static bool ProcessorHasAvx512 =>
        Avx512F.IsSupported && Avx512F.VL.IsSupported && Avx512BW.IsSupported && Avx512CD.IsSupported && Avx512DQ.IsSupported;

    /// <summary>The library of <paramref name="build"/>, loaded on first use.</summary>
    /// <exception cref="DeviceException">The build cannot run here or its file is missing.</exception>
    public static CpuKernelLibrary Open(CpuKernelBuild build) => build switch
    {
        CpuKernelBuild.Auto => (ProcessorHasAvx512 ? Avx512.Value : null) ?? Portable.Value,
        CpuKernelBuild.Portable => Portable.Value,
        CpuKernelBuild.Avx512 when !ProcessorHasAvx512 =>
            throw new DeviceException("the AVX-512 build of the CPU kernels was asked for, but this processor lacks AVX-512 (F, BW, CD, DQ, VL)"),
        CpuKernelBuild.Avx512 => Avx512.Value ?? throw Missing(Avx512Name),
        _ => throw new ArgumentOutOfRangeException(nameof(build), build, "not a CpuKernelBuild"),
    };

    public int ProcessorCount() => _processorCount();

    /// <summary>The kernel's handle, or 0 when the library has no kernel of that name.</summary>
    public nint GetFunction(string name)
    {
        var utf8 = Marshal.StringToCoTaskMemUTF8(name);
        try
        {
            return _getFunction((byte*)utf8);
        }
        finally
        {
            Marshal.FreeCoTaskMem(utf8);
        }
    }

    /// <summary>Runs a kernel to completion on <paramref name="threads"/> OpenMP threads; returns a CUDA error code (0: success).</summary>
    public int Launch(nint function, void** arguments, uint gx, uint gy, uint gz, uint bx, uint by, uint bz, uint sharedBytes, int threads) =>
        _launch(function, arguments, gx, gy, gz, bx, by, bz, sharedBytes, threads);

    /// <summary>Names of every kernel compiled into the library, sorted.</summary>
    public IReadOnlyList<string> KernelNames()
    {
        var names = new List<string>();
        for (var i = 0; i < _kernelCount(); i++)
        {
            names.Add(Marshal.PtrToStringUTF8(_kernelName(i))!);
        }

        names.Sort(StringComparer.Ordinal);
        return names;
    }

    private static CpuKernelLibrary Load(string name) => TryLoad(name) ?? throw Missing(name);

    private static CpuKernelLibrary? TryLoad(string name) =>
        NativeLibrary.TryLoad(name, typeof(CpuKernelLibrary).Assembly, DllImportSearchPath.AssemblyDirectory, out var handle)
            ? new CpuKernelLibrary(handle)
            : null;

    private static nint Export(nint handle, string symbol) =>
        NativeLibrary.TryGetExport(handle, symbol, out var address)
            ? address
            : throw new DeviceException($"the CPU kernel library lacks its entry point {symbol}; rebuild it (`dotnet build` runs kernels/Makefile)");

    private static DeviceException Missing(string name) =>
        new($"the CPU backend library lib{name}.so was not found next to the application; it is built from kernels/ by `dotnet build` (needs g++)");
}
