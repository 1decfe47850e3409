using System.Runtime.InteropServices;

namespace StarkGpu.Device.Cuda;

/// <summary>
/// The CUDA driver API calls the backend uses. P/Invoke binds to export names, so the versioned
/// names that cuda.h's <c>#define</c>s map to (cuMemAlloc -> cuMemAlloc_v2) are spelled literally.
/// Handles (CUcontext, CUstream, CUevent, CUmodule, CUfunction) are pointers; CUdevice is an int;
/// CUdeviceptr is a 64-bit integer. Every call returns a CUresult (0 = CUDA_SUCCESS).
/// </summary>
internal static unsafe partial class CudaDriver
{
    /// <summary>Always the .1: the unversioned libcuda.so is a development symlink or a link-time stub.</summary>
    public const string LibraryName = "libcuda.so.1";

    // CUresult values the backend reacts to (others are only reported).
    public const int Success = 0;
    public const int ErrorOutOfMemory = 2;
    public const int ErrorNoDevice = 100;
    public const int ErrorNotReady = 600;

    // CUdevice_attribute
    public const int AttributeMultiprocessorCount = 16;
    public const int AttributeComputeCapabilityMajor = 75;
    public const int AttributeComputeCapabilityMinor = 76;

    /// <summary>CU_STREAM_NON_BLOCKING: no implicit synchronisation with the legacy NULL stream.</summary>
    public const uint StreamNonBlocking = 0x1;

    public const uint EventDefault = 0x0;

    /// <summary>CU_EVENT_DISABLE_TIMING: cheaper events for pure synchronisation.</summary>
    public const uint EventDisableTiming = 0x2;

    /// <summary>CU_MEMHOSTALLOC_PORTABLE: pinned for every context, not only the current one.</summary>
    public const uint MemHostAllocPortable = 0x1;

    // ---- initialisation and devices ----
    [LibraryImport(LibraryName)]
    public static partial int cuInit(uint flags);

    [LibraryImport(LibraryName)]
    public static partial int cuDriverGetVersion(out int version);

    [LibraryImport(LibraryName)]
    public static partial int cuDeviceGetCount(out int count);

    [LibraryImport(LibraryName)]
    public static partial int cuDeviceGet(out int device, int ordinal);

    [LibraryImport(LibraryName)]
    public static partial int cuDeviceGetName(byte* name, int length, int device);

    [LibraryImport(LibraryName, EntryPoint = "cuDeviceTotalMem_v2")]
    public static partial int cuDeviceTotalMem(out nuint bytes, int device);

    [LibraryImport(LibraryName)]
    public static partial int cuDeviceGetAttribute(out int value, int attribute, int device);

    // ---- primary context (shared with the runtime API; current context is per OS thread) ----
    [LibraryImport(LibraryName)]
    public static partial int cuDevicePrimaryCtxRetain(out nint context, int device);

    [LibraryImport(LibraryName, EntryPoint = "cuDevicePrimaryCtxRelease_v2")]
    public static partial int cuDevicePrimaryCtxRelease(int device);

    [LibraryImport(LibraryName)]
    public static partial int cuCtxSetCurrent(nint context);

    [LibraryImport(LibraryName)]
    public static partial int cuCtxSynchronize();

    // ---- memory ----
    [LibraryImport(LibraryName, EntryPoint = "cuMemGetInfo_v2")]
    public static partial int cuMemGetInfo(out nuint free, out nuint total);

    [LibraryImport(LibraryName)]
    public static partial int cuMemAllocAsync(out ulong pointer, nuint bytes, nint stream);

    [LibraryImport(LibraryName)]
    public static partial int cuMemFreeAsync(ulong pointer, nint stream);

    [LibraryImport(LibraryName)]
    public static partial int cuMemHostAlloc(out void* pointer, nuint bytes, uint flags);

    [LibraryImport(LibraryName)]
    public static partial int cuMemFreeHost(void* pointer);

    [LibraryImport(LibraryName, EntryPoint = "cuMemcpyHtoDAsync_v2")]
    public static partial int cuMemcpyHtoDAsync(ulong destination, void* source, nuint bytes, nint stream);

    [LibraryImport(LibraryName, EntryPoint = "cuMemcpyDtoHAsync_v2")]
    public static partial int cuMemcpyDtoHAsync(void* destination, ulong source, nuint bytes, nint stream);

    [LibraryImport(LibraryName, EntryPoint = "cuMemcpyDtoDAsync_v2")]
    public static partial int cuMemcpyDtoDAsync(ulong destination, ulong source, nuint bytes, nint stream);

    [LibraryImport(LibraryName)]
    public static partial int cuMemsetD32Async(ulong destination, uint value, nuint count, nint stream);

    // ---- streams and events ----
    [LibraryImport(LibraryName)]
    public static partial int cuStreamCreate(out nint stream, uint flags);

    [LibraryImport(LibraryName)]
    public static partial int cuStreamSynchronize(nint stream);

    [LibraryImport(LibraryName, EntryPoint = "cuStreamDestroy_v2")]
    public static partial int cuStreamDestroy(nint stream);

    [LibraryImport(LibraryName)]
    public static partial int cuEventCreate(out nint cudaEvent, uint flags);

    [LibraryImport(LibraryName)]
    public static partial int cuEventRecord(nint cudaEvent, nint stream);

    [LibraryImport(LibraryName)]
    public static partial int cuEventQuery(nint cudaEvent);

    [LibraryImport(LibraryName)]
    public static partial int cuEventSynchronize(nint cudaEvent);

    [LibraryImport(LibraryName)]
    public static partial int cuEventElapsedTime(out float milliseconds, nint start, nint end);

    [LibraryImport(LibraryName, EntryPoint = "cuEventDestroy_v2")]
    public static partial int cuEventDestroy(nint cudaEvent);

    // ---- modules and launches ----
    [LibraryImport(LibraryName)]
    public static partial int cuModuleLoadData(out nint module, void* image);

    [LibraryImport(LibraryName)]
    public static partial int cuModuleUnload(nint module);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int cuModuleGetFunction(out nint function, nint module, string name);

    [LibraryImport(LibraryName)]
    public static partial int cuLaunchKernel(
        nint function, uint gridX, uint gridY, uint gridZ, uint blockX, uint blockY, uint blockZ,
        uint sharedMemoryBytes, nint stream, void** kernelParameters, void** extra);

    // ---- errors (valid before cuInit) ----
    [LibraryImport(LibraryName)]
    public static partial int cuGetErrorName(int error, byte** name);

    [LibraryImport(LibraryName)]
    public static partial int cuGetErrorString(int error, byte** description);
}
