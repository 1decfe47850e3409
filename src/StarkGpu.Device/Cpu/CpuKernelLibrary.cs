using System.Runtime.InteropServices;

namespace StarkGpu.Device.Cpu;

/// <summary>
/// Bindings to libstarkgpu_kernels.so, the kernels of <c>kernels/</c> compiled by g++ under the CUDA
/// emulation header (see kernels/Makefile). Its entry points mirror the driver API's shape.
/// </summary>
internal static unsafe partial class CpuKernelLibrary
{
    public const string LibraryName = "starkgpu_kernels";

    [LibraryImport(LibraryName, EntryPoint = "emu_get_function", StringMarshalling = StringMarshalling.Utf8)]
    public static partial nint GetFunction(string name);

    [LibraryImport(LibraryName, EntryPoint = "emu_launch")]
    public static partial int Launch(nint function, void** arguments, uint gx, uint gy, uint gz, uint bx, uint by, uint bz, uint sharedBytes, int threads);

    [LibraryImport(LibraryName, EntryPoint = "emu_processor_count")]
    public static partial int ProcessorCount();

    [LibraryImport(LibraryName, EntryPoint = "emu_kernel_count")]
    public static partial int KernelCount();

    [LibraryImport(LibraryName, EntryPoint = "emu_kernel_name")]
    public static partial nint KernelName(int index);

    /// <summary>Names of every kernel compiled into the library, sorted.</summary>
    public static IReadOnlyList<string> KernelNames()
    {
        var names = new List<string>();
        for (var i = 0; i < KernelCount(); i++)
        {
            names.Add(Marshal.PtrToStringUTF8(KernelName(i))!);
        }

        names.Sort(StringComparer.Ordinal);
        return names;
    }
}
