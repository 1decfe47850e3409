using System.Collections.Concurrent;

namespace StarkGpu.Device;

/// <summary>
/// One device that runs the kernels of <c>kernels/</c>: the CPU backend or a CUDA GPU. It owns the
/// memory ledger, resolves kernels by name (cached) and makes streams; all data movement and
/// launches go through a <see cref="DeviceStream"/>.
/// </summary>
public abstract unsafe class Accelerator : IDisposable
{
    private readonly ConcurrentDictionary<string, Kernel> _kernels = new(StringComparer.Ordinal);
    private DeviceStream? _defaultStream;

    public abstract AcceleratorKind Kind { get; }

    /// <summary>A human-readable device name, such as "CPU (2 threads)" or "NVIDIA H100 80GB HBM3".</summary>
    public abstract string Name { get; }

    /// <summary>Total device memory in bytes (the configured limit on the CPU backend).</summary>
    public abstract long TotalMemoryBytes { get; }

    /// <summary>Device memory that can still be allocated, in bytes.</summary>
    public abstract long FreeMemoryBytes { get; }

    public DeviceMemoryLedger Ledger { get; } = new();

    /// <summary>A stream shared by callers that need no concurrency of their own.</summary>
    public DeviceStream DefaultStream => _defaultStream ??= CreateStream();

    public abstract DeviceStream CreateStream();

    /// <summary>The launch geometry for a <c>GRID_LOOP</c> over <paramref name="workItems"/> items.</summary>
    public abstract LaunchShape ShapeFor(long workItems);

    /// <summary>Resolves a kernel by its <c>extern "C"</c> name; throws naming the kernel if absent.</summary>
    public Kernel GetKernel(string name) => _kernels.GetOrAdd(name, static (n, self) => new Kernel(n, self.ResolveKernel(n)), this);

    protected abstract nint ResolveKernel(string name);

    public PinnedHostBuffer<T> AllocatePinned<T>(long length) where T : unmanaged
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        var bytes = checked(length * sizeof(T));
        return new PinnedHostBuffer<T>(this, AllocatePinnedRaw(Math.Max(bytes, 1)), length);
    }

    protected internal abstract void* AllocatePinnedRaw(long bytes);

    protected internal abstract void FreePinned(void* memory);

    public override string ToString() => $"{Kind}: {Name}";

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            _defaultStream?.Dispose();
            _defaultStream = null;
        }
    }
}
