using System.Runtime.InteropServices;
using System.Text;

namespace StarkGpu.Device.Cuda;

/// <summary>Finds CUDA devices without ever throwing because there are none.</summary>
public static unsafe class CudaDevices
{
    internal const string NoDriverReason =
        "No CUDA driver found (libcuda.so.1 could not be loaded); the cuda backend needs an NVIDIA GPU and its driver.";

    internal const string NoDeviceReason = "The CUDA driver reports no devices.";

    /// <summary>Loads the driver, initialises it and describes every device; or says in one sentence why it cannot.</summary>
    public static CudaProbeResult Probe()
    {
        // Probe the library first: calling a LibraryImport into a missing library throws, and the
        // absence of a GPU is an ordinary answer here, not an error.
        if (!NativeLibrary.TryLoad(CudaDriver.LibraryName, out _))
        {
            return CudaProbeResult.Unavailable(NoDriverReason);
        }

        try
        {
            return DescribeDevices();
        }
        catch (DllNotFoundException)
        {
            return CudaProbeResult.Unavailable(NoDriverReason);
        }
        catch (EntryPointNotFoundException e)
        {
            return CudaProbeResult.Unavailable($"The CUDA driver is too old for the cuda backend ({e.Message}).");
        }
    }

    private static CudaProbeResult DescribeDevices()
    {
        var init = CudaDriver.cuInit(0);
        if (init == CudaDriver.ErrorNoDevice)
        {
            return CudaProbeResult.Unavailable(NoDeviceReason);
        }

        if (init != CudaDriver.Success)
        {
            return CudaProbeResult.Unavailable($"The CUDA driver could not be initialised (cuInit: {CudaErrors.Describe(init)}).");
        }

        var versionResult = CudaDriver.cuDriverGetVersion(out var driverVersion);
        if (versionResult != CudaDriver.Success)
        {
            return CudaProbeResult.Unavailable(Failed("cuDriverGetVersion", versionResult));
        }

        var countResult = CudaDriver.cuDeviceGetCount(out var count);
        if (countResult != CudaDriver.Success)
        {
            return CudaProbeResult.Unavailable(Failed("cuDeviceGetCount", countResult));
        }

        if (count == 0)
        {
            return CudaProbeResult.Unavailable(NoDeviceReason);
        }

        var devices = new List<CudaDeviceInfo>(count);
        for (var ordinal = 0; ordinal < count; ordinal++)
        {
            try
            {
                devices.Add(Describe(ordinal, driverVersion));
            }
            catch (DeviceException e)
            {
                return CudaProbeResult.Unavailable($"The CUDA driver could not describe device {ordinal} ({e.Message}).");
            }
        }

        return CudaProbeResult.Available(devices);
    }

    private static string Failed(string call, int result) => $"The CUDA driver failed {call} ({CudaErrors.Describe(result)}).";

    private static CudaDeviceInfo Describe(int ordinal, int driverVersion)
    {
        CudaErrors.Check(CudaDriver.cuDeviceGet(out var device, ordinal), "cuDeviceGet");
        const int NameCapacity = 256;
        var name = stackalloc byte[NameCapacity];
        CudaErrors.Check(CudaDriver.cuDeviceGetName(name, NameCapacity, device), "cuDeviceGetName");
        name[NameCapacity - 1] = 0; // a name that fills the buffer is not terminated
        CudaErrors.Check(CudaDriver.cuDeviceTotalMem(out var totalBytes, device), "cuDeviceTotalMem_v2");
        return new CudaDeviceInfo(
            ordinal,
            Encoding.UTF8.GetString(MemoryMarshal.CreateReadOnlySpanFromNullTerminated(name)),
            Attribute(device, CudaDriver.AttributeMultiprocessorCount),
            (long)totalBytes,
            Attribute(device, CudaDriver.AttributeComputeCapabilityMajor),
            Attribute(device, CudaDriver.AttributeComputeCapabilityMinor),
            driverVersion);
    }

    private static int Attribute(int device, int attribute)
    {
        CudaErrors.Check(CudaDriver.cuDeviceGetAttribute(out var value, attribute, device), "cuDeviceGetAttribute", $"attribute {attribute}");
        return value;
    }
}
