using System.Numerics;
using System.Runtime.InteropServices;

namespace StarkGpu.Device.Cpu;

/// <summary>
/// Keeps freed large blocks of CPU-backend "device" memory for the next allocation of about the same size, as the
/// CUDA backend's stream-ordered pool (<c>cuMemAllocAsync</c>) does on a GPU. Without it every shard's trace
/// buffers would be fresh pages: the kernel then pays a page fault and a zeroing per 4 KiB before writing a byte,
/// which costs as much as the trace generation itself.
/// </summary>
/// <remarks>
/// Requests of at least <see cref="MinPooledBytes"/> are rounded up to a size class: a multiple of an eighth of the
/// request's power of two (at least 64 KiB), so a class wastes under 1/8 and neighbouring shards' traces of one chip,
/// whose sizes differ a little, mostly share a class. A free block serves a request of its class or of a class up to
/// a quarter smaller. Smaller requests go straight to the allocator. Thread-safe: the scheduler allocates from several
/// streams at once.
/// </remarks>
internal sealed unsafe class CpuMemoryPool(long retainLimitBytes) : IDisposable
{
    /// <summary>Smallest request the pool serves.</summary>
    public const long MinPooledBytes = 64L << 10;

    private const nuint Alignment = 64;

    private readonly Lock _lock = new();
    private readonly List<Block> _free = []; // ascending by size
    private readonly Dictionary<ulong, long> _inUse = [];
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

    /// <summary>Pooled blocks taken from the system so far: in a steady state of repeated work it stops growing.</summary>
    public long BlocksFromSystem => Interlocked.Read(ref _blocksFromSystem);

    /// <summary>The bytes a pooled request of <paramref name="bytes"/> occupies: its size class.</summary>
    public static long SizeClass(long bytes)
    {
        var granule = Math.Max(MinPooledBytes, (long)BitOperations.RoundUpToPowerOf2((ulong)bytes + 1) / 16);
        return (bytes + granule - 1) / granule * granule;
    }

    /// <summary>A block of at least <paramref name="bytes"/>, 64-byte aligned, contents undefined.</summary>
    /// <exception cref="OutOfMemoryException">The allocator has no memory left.</exception>
    public void* Allocate(long bytes)
    {
        if (bytes < MinPooledBytes)
        {
            return NativeMemory.AlignedAlloc((nuint)bytes, Alignment);
        }

        var size = SizeClass(bytes);
        lock (_lock)
        {
            var index = FirstFreeOfAtLeast(size);
            if (index < _free.Count && _free[index].Bytes <= size + (size / 4))
            {
                var block = _free[index];
                _free.RemoveAt(index);
                _retainedBytes -= block.Bytes;
                _inUse.Add(block.Address, block.Bytes);
                return (void*)block.Address;
            }
        }

        var memory = NativeMemory.AlignedAlloc((nuint)size, Alignment);
        Interlocked.Increment(ref _blocksFromSystem);
        lock (_lock)
        {
            _inUse.Add((ulong)memory, size);
        }

        return memory;
    }

    /// <summary>Takes back a block from <see cref="Allocate"/>; keeps it while under the retain limit.</summary>
    public void Free(void* memory)
    {
        lock (_lock)
        {
            if (!_inUse.Remove((ulong)memory, out var size))
            {
                NativeMemory.AlignedFree(memory);
                return;
            }

            _free.Insert(FirstFreeOfAtLeast(size), new Block((ulong)memory, size));
            _retainedBytes += size;
            while (_retainedBytes > retainLimitBytes)
            {
                ReleaseAt(_free.Count - 1); // the largest: the fewest blocks to give back
            }
        }
    }

    /// <summary>Returns every free block to the system (before reporting out-of-memory, and at disposal).</summary>
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
        _retainedBytes -= block.Bytes;
        NativeMemory.AlignedFree((void*)block.Address);
    }

    private int FirstFreeOfAtLeast(long bytes)
    {
        int lo = 0, hi = _free.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (_free[mid].Bytes < bytes)
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

    private readonly record struct Block(ulong Address, long Bytes);
}
