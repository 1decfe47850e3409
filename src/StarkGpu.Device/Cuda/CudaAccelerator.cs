namespace StarkGpu.Device.Cuda;

/// <summary>
/// A CUDA GPU driven through the driver API on its primary context. Kernels are compiled from the
/// embedded sources by NVRTC at first use (CUBINs cached on disk); memory is allocated in stream order.
/// </summary>
public sealed unsafe class CudaAccelerator : Accelerator
{
    /// <summary>Threads per block: a multiple of the warp size that keeps every SM busy with 8 blocks each.</summary>
    public const uint ThreadsPerBlock = 256;

    /// <summary>Blocks per SM in a launch; grid-stride loops cover the rest (portability rule 6).</summary>
    public const int BlocksPerMultiprocessor = 8;

    private readonly CudaPrimaryContext _context;
    private readonly CudaKernelModules _modules;

    private CudaAccelerator(CudaDeviceInfo device, CudaPrimaryContext context)
    {
        Device = device;
        _context = context;
        _modules = new CudaKernelModules(context, device, KernelSourceCatalog.Embedded, CubinCache.Default());
    }

    /// <summary>
    /// Opens CUDA device <paramref name="ordinal"/>. Throws a <see cref="DeviceException"/> whose message
    /// is <see cref="CudaProbeResult.UnavailableReason"/> when this machine cannot run CUDA.
    /// </summary>
    public static CudaAccelerator Open(int ordinal = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(ordinal);
        var probe = CudaDevices.Probe();
        if (!probe.IsAvailable)
        {
            throw new DeviceException(probe.UnavailableReason!);
        }

        if (ordinal >= probe.Devices.Count)
        {
            throw new DeviceException($"There is no CUDA device {ordinal}; the driver reports {probe.Devices.Count}.") { ErrorCode = 101 }; // CUDA_ERROR_INVALID_DEVICE
        }

        var context = CudaPrimaryContext.Retain(ordinal);
        try
        {
            return new CudaAccelerator(probe.Devices[ordinal], context);
        }
        catch
        {
            context.Dispose();
            throw;
        }
    }

    /// <summary>Names of every kernel the embedded sources define, sorted.</summary>
    public static IReadOnlyList<string> KernelNames() => KernelSourceCatalog.Embedded.KernelNames;

    public CudaDeviceInfo Device { get; }

    public override AcceleratorKind Kind => AcceleratorKind.Cuda;

    public override string Name => Device.Name;

    public override long TotalMemoryBytes => Device.TotalMemoryBytes;

    /// <summary>Free device memory as the driver reports it (memory cached by stream-ordered pools counts as used).</summary>
    public override long FreeMemoryBytes
    {
        get
        {
            _context.MakeCurrent();
            CudaErrors.Check(CudaDriver.cuMemGetInfo(out var free, out _), "cuMemGetInfo_v2");
            return (long)free;
        }
    }

    public override DeviceStream CreateStream() => new CudaStream(this, _context);

    public override LaunchShape ShapeFor(long workItems) => ShapeFor(workItems, Device.Multiprocessors);

    /// <summary>Blocks of 256 threads, one thread per item up to 8 blocks per SM, and at least one block.</summary>
    internal static LaunchShape ShapeFor(long workItems, int multiprocessors)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(workItems);
        var needed = (workItems / ThreadsPerBlock) + (workItems % ThreadsPerBlock == 0 ? 0 : 1);
        var blocks = Math.Clamp(needed, 1, Math.Max(1L, (long)multiprocessors * BlocksPerMultiprocessor));
        return new LaunchShape((uint)blocks, ThreadsPerBlock);
    }

    protected override nint ResolveKernel(string name) => _modules.GetFunction(name);

    protected internal override void* AllocatePinnedRaw(long bytes)
    {
        _context.MakeCurrent();
        CudaErrors.Check(CudaDriver.cuMemHostAlloc(out var memory, (nuint)bytes, CudaDriver.MemHostAllocPortable), "cuMemHostAlloc", $"{bytes:N0} bytes");
        return memory;
    }

    protected internal override void FreePinned(void* memory)
    {
        // cuMemFreeHost waits for nothing: callers synchronise the copies that use the buffer first.
        if (_context.TryMakeCurrent())
        {
            CudaErrors.Check(CudaDriver.cuMemFreeHost(memory), "cuMemFreeHost");
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (!disposing)
        {
            return;
        }

        // Let in-flight kernels finish before their modules go; teardown must not throw.
        if (_context.TryMakeCurrent())
        {
            _ = CudaDriver.cuCtxSynchronize();
        }

        _modules.Dispose();
        _context.Dispose();
    }
}
