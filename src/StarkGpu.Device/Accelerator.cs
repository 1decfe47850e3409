using System.Collections.Concurrent;
using System.Reflection;
using ILGPU;
using ILGPU.Runtime;
using StarkGpu.Kernels.Launch;
using IlgpuAccelerator = ILGPU.Runtime.Accelerator;

namespace StarkGpu.Device;

/// <summary>
/// One device that runs the kernels of <c>kernels/StarkGpu.Kernels</c> (and the chips' row writers): ILGPU's CPU
/// accelerator or a CUDA GPU. It owns the ILGPU context and accelerator, the memory pool and its ledger, and the
/// loaded kernels (compiled once per accelerator); all data movement and launches go through a <see cref="DeviceStream"/>.
/// </summary>
public abstract unsafe class Accelerator : IDisposable
{
    private readonly ConcurrentDictionary<MethodInfo, Delegate> _kernels = new();
    private readonly Context _context;
    private DeviceStream? _defaultStream;
    private bool _disposed;

    private protected Accelerator(Context context, IlgpuAccelerator device, long poolRetainBytes)
    {
        _context = context;
        Device = device;
        Pool = new DeviceMemoryPool(device, poolRetainBytes);
    }

    public abstract AcceleratorKind Kind { get; }

    /// <summary>A human-readable device name, such as "CPU (2 threads)" or "NVIDIA H100 80GB HBM3".</summary>
    public abstract string Name { get; }

    /// <summary>Total device memory in bytes (the configured limit on the CPU backend).</summary>
    public abstract long TotalMemoryBytes { get; }

    /// <summary>Device memory that can still be allocated, in bytes (blocks the pool keeps count as free).</summary>
    public abstract long FreeMemoryBytes { get; }

    /// <summary>Whether device memory is host memory (the CPU backend): <see cref="DeviceBuffer{T}.HostPointer"/> works there.</summary>
    public abstract bool MemoryIsHostAddressable { get; }

    /// <summary>Counter sets a <c>DeviceCounters</c> table needs: one per worker thread on the CPU, one on a GPU.</summary>
    public abstract int CounterSets { get; }

    /// <summary>Whether each counter set has a single writer (the CPU), so counters need no atomics.</summary>
    public abstract bool CountersExclusive { get; }

    /// <summary>The ILGPU accelerator underneath, for code that uses ILGPU directly.</summary>
    public IlgpuAccelerator Device { get; }

    public DeviceMemoryLedger Ledger { get; } = new();

    internal DeviceMemoryPool Pool { get; }

    /// <summary>A stream shared by callers that need no concurrency of their own.</summary>
    public DeviceStream DefaultStream
    {
        get
        {
            if (_defaultStream is { } existing)
            {
                return existing;
            }

            var fresh = CreateStream();
            var won = Interlocked.CompareExchange(ref _defaultStream, fresh, null);
            if (won is null)
            {
                return fresh;
            }

            fresh.Dispose(); // another thread made it first
            return won;
        }
    }

    /// <summary>A new stream of its own ILGPU accelerator stream.</summary>
    public DeviceStream CreateStream()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return new DeviceStream(this, Device.CreateStream());
    }

    /// <summary>
    /// The work range of a kernel over <paramref name="count"/> items: contiguous chunks (multiples of
    /// <paramref name="alignment"/>) one per thread on the CPU, a grid-stride loop filling the GPU on CUDA.
    /// Launch the kernel with <see cref="WorkRange.Workers"/> as its extent.
    /// </summary>
    public abstract WorkRange Range(long count, int alignment = 1);

    /// <summary>Serialises launches where the backend cannot run two at once (the CPU accelerator); null where it can.</summary>
    internal abstract Lock? LaunchLock { get; }

    /// <summary>
    /// Makes this device current on the calling thread before work is issued: CUDA contexts are per thread, and the
    /// trace scheduler issues work from thread-pool threads. Nothing to do on the CPU.
    /// </summary>
    internal virtual void BindToThread()
    {
    }

    /// <summary>Throws <see cref="DeviceOutOfMemoryException"/> where a limit of ours (the CPU backend's) forbids <paramref name="bytes"/> more.</summary>
    internal virtual void CheckCanAllocate(long bytes)
    {
    }

    /// <summary>A pool block of at least <paramref name="bytes"/>; device out-of-memory becomes <see cref="DeviceOutOfMemoryException"/>.</summary>
    /// <remarks><paramref name="slack"/> bytes more are taken for alignment; the limit and the ledger see <paramref name="bytes"/>.</remarks>
    internal MemoryBuffer1D<byte, Stride1D.Dense> AllocateBlock(long bytes, int slack = 0)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        BindToThread();
        CheckCanAllocate(bytes);
        try
        {
            return Pool.Allocate(bytes + slack);
        }
        catch (Exception e) when (IsOutOfMemory(e))
        {
            Pool.Trim(); // the blocks the pool keeps may be what is missing
        }

        try
        {
            return Pool.Allocate(bytes + slack);
        }
        catch (Exception e) when (IsOutOfMemory(e))
        {
            throw new DeviceOutOfMemoryException(bytes, FreeMemoryBytes, Name);
        }
    }

    /// <summary>Whether <paramref name="e"/>, thrown by an ILGPU allocation, means the device has no memory left.</summary>
    internal virtual bool IsOutOfMemory(Exception e) => e is OutOfMemoryException;

    /// <summary>The kernel <paramref name="kernel"/> loaded on this accelerator (compiled on first use, then cached).</summary>
    internal TLoaded LoadKernel<TLoaded>(Delegate kernel, Func<IlgpuAccelerator, TLoaded> load) where TLoaded : Delegate
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_kernels.TryGetValue(kernel.Method, out var loaded))
        {
            return (TLoaded)loaded;
        }

        TLoaded fresh;
        try
        {
            BindToThread();
            fresh = load(Device);
        }
        catch (Exception e) when (e is not DeviceException)
        {
            throw new DeviceException($"kernel {KernelNames.Of(kernel.Method)} failed to compile on {Name}: {e.Message}", e) { Call = "LoadAutoGroupedKernel" };
        }

        return (TLoaded)_kernels.GetOrAdd(kernel.Method, fresh);
    }

    /// <summary>Page-locked host memory for asynchronous copies to this device.</summary>
    public PinnedHostBuffer<T> AllocatePinned<T>(long length) where T : unmanaged
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        ObjectDisposedException.ThrowIf(_disposed, this);
        return new PinnedHostBuffer<T>(this, length);
    }

    public override string ToString() => $"{Kind}: {Name}";

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (!disposing || _disposed)
        {
            return;
        }

        _disposed = true;
        _defaultStream?.Dispose();
        _defaultStream = null;
        Pool.Dispose();
        Device.Dispose();
        _context.Dispose();
    }
}
