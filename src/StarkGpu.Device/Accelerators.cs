using System.Globalization;
using System.Text;
using ILGPU;
using ILGPU.Runtime;
using ILGPU.Runtime.CPU;

using StarkGpu.Device.Cpu;
using StarkGpu.Device.Cuda;

namespace StarkGpu.Device;

/// <summary>Finds and opens accelerators.</summary>
public static class Accelerators
{
    /// <summary>Opens the CPU backend.</summary>
    public static CpuAccelerator Cpu(CpuAcceleratorOptions? options = null) => new(options);

    /// <summary>Opens CUDA device <paramref name="ordinal"/>; throws a <see cref="DeviceException"/> in one sentence when there is none.</summary>
    public static Accelerator Cuda(int ordinal = 0) => CudaAccelerator.Open(ordinal);

    /// <summary>Opens the backend named <c>cpu</c> or <c>cuda</c>.</summary>
    public static Accelerator Open(AcceleratorKind kind) => kind switch
    {
        AcceleratorKind.Cpu => Cpu(),
        AcceleratorKind.Cuda => Cuda(),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown accelerator kind"),
    };

    /// <summary>
    /// What ILGPU finds on this machine, one line per device, for <c>stark-gpu devices</c>: the CPU accelerator as
    /// <see cref="Cpu"/> opens it by default, then every CUDA device (or a line saying there is none).
    /// </summary>
    public static IReadOnlyList<string> Describe()
    {
        CudaLibraryResolver.EnsureRegistered();
        var options = new CpuAcceleratorOptions();
        var threads = Environment.ProcessorCount;
        var lines = new List<string>
        {
            $"CPU: ILGPU CPU accelerator, {threads + (threads % 2)} threads, memory limit {options.MemoryLimitBytes:N0} bytes",
        };
        try
        {
            using var context = Context.Create(builder => ILGPU.Runtime.Cuda.CudaContextExtensions.Cuda(builder));
            // ILGPU adds its own CPU device to every context; the CPU line above is the accelerator we open.
            foreach (var device in context.Devices.Where(d => d.AcceleratorType == AcceleratorType.Cuda))
            {
                lines.Add(Line(device));
            }
        }
#pragma warning disable CA1031 // a listing reports what went wrong instead of failing
        catch (Exception e)
#pragma warning restore CA1031
        {
            lines.Add($"ILGPU could not enumerate devices: {e.GetType().Name}: {e.Message}");
        }

        if (!lines.Exists(line => line.StartsWith("Cuda", StringComparison.Ordinal)))
        {
            lines.Add("Cuda: no device (no NVIDIA driver, or no GPU visible to this process)");
        }

        return lines;
    }

    private static string Line(ILGPU.Runtime.Device device)
    {
        var line = new StringBuilder();
        line.Append(CultureInfo.InvariantCulture, $"{device.AcceleratorType}: {device.Name}, {device.MemorySize:N0} bytes, ");
        line.Append(CultureInfo.InvariantCulture, $"{device.NumMultiprocessors} multiprocessors x {device.MaxNumThreadsPerMultiprocessor} threads");
        if (device is ILGPU.Runtime.Cuda.CudaDevice cuda)
        {
            line.Append(CultureInfo.InvariantCulture, $", {cuda.Architecture}, driver {cuda.DriverVersion}");
        }

        return line.ToString();
    }
}
