namespace StarkGpu.Kernels.Host;

/// <summary>A piece of work split into contiguous chunks of items, one chunk per worker (see <see cref="HostWorkers"/>).</summary>
internal interface IChunkJob
{
    /// <summary>
    /// Does items [<paramref name="first"/>, <paramref name="end"/>) as worker <paramref name="worker"/>, plus what is
    /// left past the last chunk when <paramref name="isLast"/>. Returns the first row it found bad, or -1.
    /// </summary>
    long Run(int worker, long first, long end, bool isLast);
}

/// <summary>
/// Runs a job over contiguous chunks of its items on the .NET thread pool (the calling thread takes a chunk too):
/// contiguous chunks keep each worker's memory sequential, as the CPU kernels' work ranges do.
/// </summary>
internal static class HostWorkers
{
    /// <summary>Fewest items a worker gets: below it, starting a worker costs more than it saves.</summary>
    public const long MinimumChunk = 16;

    /// <summary>The number of workers a caller meant by <paramref name="workers"/> (0: one per processor).</summary>
    public static int Resolve(int workers)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(workers);
        return workers == 0 ? Environment.ProcessorCount : workers;
    }

    /// <summary>
    /// Runs <paramref name="job"/> over <paramref name="items"/> items with at most <paramref name="workers"/>
    /// workers; returns the smallest bad row any worker found, or -1 (the same whatever the split).
    /// </summary>
    public static long Run<TJob>(TJob job, long items, int workers)
        where TJob : struct, IChunkJob
    {
        var chunk = Math.Max(MinimumChunk, (items + workers - 1) / workers);
        var used = (int)Math.Max(1, (items + chunk - 1) / chunk);
        if (used == 1)
        {
            return job.Run(0, 0, items, isLast: true);
        }

        var bad = new long[used];
        Parallel.For(0, used, new ParallelOptions { MaxDegreeOfParallelism = used }, worker =>
        {
            var first = worker * chunk;
            bad[worker] = job.Run(worker, first, Math.Min(items, first + chunk), worker == used - 1);
        });
        return Smallest(bad);
    }

    private static long Smallest(long[] rows)
    {
        var smallest = -1L;
        foreach (var row in rows)
        {
            if (row >= 0 && (smallest < 0 || row < smallest))
            {
                smallest = row;
            }
        }

        return smallest;
    }
}
