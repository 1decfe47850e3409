using ILGPU;
using ILGPU.Runtime.Cuda;
using StarkGpu.Kernels.Launch;
using IlgpuCudaAccelerator = ILGPU.Runtime.Cuda.CudaAccelerator;

namespace StarkGpu.Device.Cuda;

/// <summary>An NVIDIA GPU through ILGPU's CUDA accelerator (ILGPU's PTX, JIT-compiled by the driver).</summary>
public sealed class CudaAccelerator : Accelerator
{
    private readonly IlgpuCudaAccelerator _cuda;

    private CudaAccelerator(Context context, IlgpuCudaAccelerator cuda, long poolRetainBytes)
        : base(context, cuda, poolRetainBytes)
    {
        _cuda = cuda;
        Name = cuda.Name;
        TotalMemoryBytes = cuda.MemorySize;
    }

    public override AcceleratorKind Kind => AcceleratorKind.Cuda;

    public override string Name { get; }

    public override long TotalMemoryBytes { get; }

    public override long FreeMemoryBytes
    {
        get
        {
            BindToThread();
            return CudaAPI.CurrentAPI.GetMemoryInfo(out long free, out _) == CudaError.CUDA_SUCCESS ? free + Pool.RetainedBytes : 0;
        }
    }

    public override bool MemoryIsHostAddressable => false;

    public override int CounterSets => 1;

    public override bool CountersExclusive => false;

    /// <summary>The SM architecture, such as SM_90.</summary>
    public CudaArchitecture Architecture => _cuda.Architecture;

    internal override Lock? LaunchLock => null;

    internal override void BindToThread() => _cuda.Bind();

    public override WorkRange Range(long count, int alignment = 1)
    {
        var threads = (long)_cuda.NumMultiprocessors * _cuda.MaxNumThreadsPerMultiprocessor;
        return WorkRange.GridStride(count, (int)Math.Max(1, Math.Min(count, threads)));
    }

    internal override bool IsOutOfMemory(Exception e) =>
        base.IsOutOfMemory(e) || (e is CudaException cuda && cuda.Error.ToString().Contains("OUT_OF_MEMORY", StringComparison.Ordinal));

    /// <summary>Opens CUDA device <paramref name="ordinal"/>; a <see cref="DeviceException"/> in one sentence when there is none.</summary>
    public static CudaAccelerator Open(int ordinal = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(ordinal);
        CudaLibraryResolver.EnsureRegistered();
        Context context;
        try
        {
            context = Context.Create(builder => builder.Cuda().EnableAlgorithms());
        }
        catch (Exception e) when (e is not DeviceException)
        {
            throw new DeviceException($"no CUDA driver could be loaded ({e.GetType().Name}: {e.Message})", e) { Call = "Context.Create" };
        }

        try
        {
            var devices = context.GetCudaDevices();
            if (ordinal >= devices.Count)
            {
                throw new DeviceException(devices.Count == 0
                    ? "no CUDA device found (no NVIDIA driver, or no GPU visible to this process)"
                    : $"CUDA device {ordinal} does not exist: there are {devices.Count}") { Call = "GetCudaDevices" };
            }

            var cuda = context.CreateCudaAccelerator(ordinal);
            return new CudaAccelerator(context, cuda, cuda.MemorySize / 4);
        }
        catch (Exception e)
        {
            context.Dispose();
            if (e is DeviceException)
            {
                throw;
            }

            throw new DeviceException($"CUDA device {ordinal} could not be opened: {e.Message}", e) { Call = "CreateCudaAccelerator" };
        }
    }
}
