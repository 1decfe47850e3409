namespace StarkGpu.Kernels.Launch;

/// <summary>
/// Which items of <c>[0, Count)</c> the kernel index <c>index</c> of a launch of <see cref="Workers"/> indices
/// visits: a contiguous chunk per index on the CPU accelerator (an index is an OS thread there, and a chunk keeps its
/// memory accesses sequential), a grid-stride loop on a GPU (neighbouring threads touch neighbouring words). Kernels
/// loop <c>for (var i = range.First(index); i &lt; range.End(index); i += range.Step)</c>: the same code on both.
/// The accelerator chooses the range (kernel rule 2); kernels assume nothing about which index owns which item.
/// </summary>
public readonly struct WorkRange
{
    private WorkRange(long count, int workers, long chunk)
    {
        Count = count;
        Workers = workers;
        Chunk = chunk;
    }

    /// <summary>Items to visit.</summary>
    public long Count { get; }

    /// <summary>Indices of the launch (its extent).</summary>
    public int Workers { get; }

    /// <summary>Items per index, a multiple of the alignment asked for; 0 for a grid-stride loop.</summary>
    public long Chunk { get; }

    /// <summary>Contiguous chunks of a multiple of <paramref name="alignment"/> items, one per worker.</summary>
    public static WorkRange Chunked(long count, int workers, int alignment = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(workers);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(alignment);
        var perWorker = (count + workers - 1) / workers;
        var chunk = Math.Max(alignment, (perWorker + alignment - 1) / alignment * alignment);
        var used = (int)Math.Max(1, (count + chunk - 1) / chunk);
        return new WorkRange(count, used, chunk);
    }

    /// <summary>A grid-stride loop over <paramref name="workers"/> threads.</summary>
    public static WorkRange GridStride(long count, int workers)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(workers);
        return new WorkRange(count, (int)Math.Max(1, Math.Min(workers, count)), 0);
    }

    /// <summary>The first item of <paramref name="index"/>.</summary>
    public long First(long index) => Chunk > 0 ? index * Chunk : index;

    /// <summary>One past the last item <paramref name="index"/> may visit.</summary>
    public long End(long index) => Chunk > 0 ? Math.Min(Count, (index + 1) * Chunk) : Count;

    /// <summary>The distance between the items an index visits.</summary>
    public long Step => Chunk > 0 ? 1 : Workers;

    public override string ToString() => Chunk > 0 ? $"{Count} items in chunks of {Chunk} over {Workers} workers" : $"{Count} items grid-stride over {Workers} threads";
}
