using System.Numerics;
using ILGPU;
using ILGPU.Runtime;
using IlgpuAccelerator = ILGPU.Runtime.Accelerator;

namespace StarkGpu.Device;

/// <summary>
/// Keeps freed large ILGPU buffers for the next allocation of about the same size, on both backends. Without it
/// every shard's trace buffers would be fresh memory: on the CPU a page fault and a zeroing per 4 KiB before the
/// kernel writes a byte (as costly as the trace generation itself), on CUDA a synchronous cuMemAlloc/cuMemFree.
/// </summary>
/// <remarks>
/// Requests of at least <see cref="MinPooledBytes"/> are rounded up to a size class: a multiple of a sixteenth of the
/// request's power of two (at least 64 KiB), so a class wastes under 1/8 and neighbouring shards' traces of one chip,
/// whose sizes differ a little, mostly share a class. A free block serves a request of its class or of a class up to
/// a quarter smaller. Smaller requests get a buffer of their own, released when freed. Thread-safe: the scheduler
/// allocates from several streams at once.
/// </remarks>
internal sealed class DeviceMemoryPool(IlgpuAccelerator device, long retainLimitBytes) : IDisposable
{
    /// <summary>Smallest request the pool serves.</summary>
    public const long MinPooledBytes = 64L << 10;

    private readonly Lock _lock = new();
    private readonly List<MemoryBuffer1D<byte, Stride1D.Dense>> _free = []; // ascending by size
    private readonly HashSet<MemoryBuffer1D<byte, Stride1D.Dense>> _pooledInUse = [];
    private long _retainedBytes;
    private long _blocksFromSystem;

    /// <summary>Bytes held in free blocks, released by <see cref="Trim"/>.</summary>
    public long RetainedBytes
    {
        get
        {
            lock (_lock)
            {
                return _retainedBytes;
            }
        }
    }

    /// <summary>Pooled blocks taken from the device so far: in a steady state of repeated work it stops growing.</summary>
    public long BlocksFromSystem => Interlocked.Read(ref _blocksFromSystem);

    /// <summary>The bytes a pooled request of <paramref name="bytes"/> occupies: its size class.</summary>
    public static long SizeClass(long bytes)
    {
        var granule = Math.Max(MinPooledBytes, (long)BitOperations.RoundUpToPowerOf2((ulong)bytes + 1) / 16);
        return (bytes + granule - 1) / granule * granule;
    }

    /// <summary>A buffer of at least <paramref name="bytes"/> (at least one), contents undefined.</summary>
    /// <exception cref="Exception">Whatever ILGPU throws when the device has no memory left.</exception>
    public MemoryBuffer1D<byte, Stride1D.Dense> Allocate(long bytes)
    {
        if (bytes < MinPooledBytes)
        {
            return device.Allocate1D<byte>(Math.Max(bytes, 1));
        }

        var size = SizeClass(bytes);
        lock (_lock)
        {
            var index = FirstFreeOfAtLeast(size);
            if (index < _free.Count && _free[index].Length <= size + (size / 4))
            {
                var block = _free[index];
                _free.RemoveAt(index);
                _retainedBytes -= block.Length;
                _pooledInUse.Add(block);
                return block;
            }
        }

        var fresh = device.Allocate1D<byte>(size);
        Interlocked.Increment(ref _blocksFromSystem);
        lock (_lock)
        {
            _pooledInUse.Add(fresh);
        }

        return fresh;
    }

    /// <summary>Takes back a buffer from <see cref="Allocate"/> (no work may still use it); keeps it while under the retain limit.</summary>
    public void Free(MemoryBuffer1D<byte, Stride1D.Dense> block)
    {
        lock (_lock)
        {
            if (!_pooledInUse.Remove(block))
            {
                block.Dispose();
                return;
            }

            _free.Insert(FirstFreeOfAtLeast(block.Length), block);
            _retainedBytes += block.Length;
            while (_retainedBytes > retainLimitBytes)
            {
                ReleaseAt(_free.Count - 1); // the largest: the fewest blocks to give back
            }
        }
    }

    /// <summary>Returns every free block to the device (before reporting out-of-memory, and at disposal).</summary>
    public void Trim()
    {
        lock (_lock)
        {
            while (_free.Count > 0)
            {
                ReleaseAt(_free.Count - 1);
            }
        }
    }

    public void Dispose() => Trim();

    private void ReleaseAt(int index)
    {
        var block = _free[index];
        _free.RemoveAt(index);
        _retainedBytes -= block.Length;
        block.Dispose();
    }

    private int FirstFreeOfAtLeast(long bytes)
    {
        int lo = 0, hi = _free.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (_free[mid].Length < bytes)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }
}
