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
}
