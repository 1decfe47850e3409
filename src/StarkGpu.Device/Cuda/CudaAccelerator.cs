namespace StarkGpu.Device.Cuda;

// Placeholder replaced by the CUDA backend work in this session.
public sealed class CudaAccelerator
{
    public static Accelerator Open(int ordinal) => throw new DeviceException("CUDA backend not built yet");
}
