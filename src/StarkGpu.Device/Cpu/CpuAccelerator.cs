using ILGPU;
using ILGPU.Runtime.CPU;
using StarkGpu.Kernels.Launch;

namespace StarkGpu.Device.Cpu;

/// <summary>
/// The CPU backend: ILGPU's CPU accelerator, one OS thread per core, running the very kernels a GPU runs. "Device"
/// memory is host memory; the backend enforces a memory limit so that out-of-memory paths behave as on a GPU.
/// </summary>
public sealed class CpuAccelerator : Accelerator
{
    private readonly Lock _launchLock = new();

    public CpuAccelerator(CpuAcceleratorOptions? options = null)
        : this(options ?? new CpuAcceleratorOptions(), Open(options ?? new CpuAcceleratorOptions()))
    {
    }

    private CpuAccelerator(CpuAcceleratorOptions options, (Context Context, CPUAccelerator Device) opened)
        : base(opened.Context, opened.Device, options.PoolRetainBytes ?? (options.MemoryLimitBytes / 4))
    {
        Options = options;

        // ILGPU's CPU device has an even number of threads (two per simulated multiprocessor); a launch uses the
        // number asked for, so one thread leaves the other core to the host (its second ILGPU thread idles).
        Threads = options.Threads > 0 ? Math.Min(options.Threads, opened.Device.NumThreads) : opened.Device.NumThreads;
    }

    public CpuAcceleratorOptions Options { get; }

    /// <summary>Workers (OS threads) per launch.</summary>
    public int Threads { get; }

    public override AcceleratorKind Kind => AcceleratorKind.Cpu;

    public override string Name => $"CPU ({Threads} threads, ILGPU CPU accelerator)";

    public override long TotalMemoryBytes => Options.MemoryLimitBytes;

    public override long FreeMemoryBytes => Math.Max(0, Options.MemoryLimitBytes - Ledger.LiveBytes);

    public override bool MemoryIsHostAddressable => true;

    public override int CounterSets => Threads;

    public override bool CountersExclusive => true;

    /// <summary>ILGPU's CPU accelerator runs one launch at a time: launches from several streams take turns.</summary>
    internal override Lock? LaunchLock => _launchLock;

    public override WorkRange Range(long count, int alignment = 1) => WorkRange.Chunked(count, Threads, alignment);

    internal override void CheckCanAllocate(long bytes)
    {
        var available = FreeMemoryBytes;
        if (bytes > available)
        {
            throw new DeviceOutOfMemoryException(bytes, available, Name);
        }

        // Blocks the pool keeps count against the limit like live ones: give them back before going over it.
        if (bytes > available - Pool.RetainedBytes)
        {
            Pool.Trim();
        }
    }

    private static (Context, CPUAccelerator) Open(CpuAcceleratorOptions options)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.MemoryLimitBytes);
        ArgumentOutOfRangeException.ThrowIfNegative(options.Threads);
        var threads = options.Threads > 0 ? options.Threads : Environment.ProcessorCount;
        var device = new CPUDevice(numThreadsPerWarp: 2, numWarpsPerMultiprocessor: 1, numMultiprocessors: Math.Max(1, (threads + 1) / 2));
        var context = Context.Create(builder => builder.CPU(device).EnableAlgorithms());
        try
        {
            return (context, context.CreateCPUAccelerator(0));
        }
        catch
        {
            context.Dispose();
            throw;
        }
    }
}
