using System.Runtime.InteropServices;

namespace StarkGpu.Device.Cuda;

/// <summary>Turns CUresult codes into <see cref="DeviceException"/>s that name the call and the error.</summary>
internal static unsafe class CudaErrors
{
    public static void Check(int result, string call, string? context = null)
    {
        if (result != CudaDriver.Success)
        {
            throw Failure(result, call, context);
        }
    }

    public static DeviceException Failure(int result, string call, string? context = null)
    {
        var where = context is null ? call : $"{call} ({context})";
        return new DeviceException($"{where} failed: {Describe(result)}") { Call = call, ErrorCode = result };
    }

    /// <summary>"CUDA_ERROR_OUT_OF_MEMORY (2): out of memory", or the bare code when the driver does not know it.</summary>
    public static string Describe(int result)
    {
        byte* name = null;
        byte* description = null;
        var known = CudaDriver.cuGetErrorName(result, &name) == CudaDriver.Success && name != null;
        _ = CudaDriver.cuGetErrorString(result, &description);
        var nameText = known ? Marshal.PtrToStringUTF8((nint)name) : "unknown CUDA error";
        var descriptionText = description != null ? Marshal.PtrToStringUTF8((nint)description) : null;
        return descriptionText is null ? $"{nameText} ({result})" : $"{nameText} ({result}): {descriptionText}";
    }
}
