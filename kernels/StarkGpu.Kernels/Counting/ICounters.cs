namespace StarkGpu.Kernels.Counting;

/// <summary>
/// Counters a row writer adds into while it writes (the fused "trace and count" pass): up to two tables of 32-bit
/// counters (for RV32IM, the ByteLookup multiplicities and the Program multiplicities) and an error count for values
/// that fall outside a table. Implementations: <see cref="NoCounters"/> (a trace without counting),
/// <see cref="DeviceCounters"/> (device memory, one set per worker on the CPU accelerator, atomics on a GPU) and the
/// host's own. Writers check a cell is inside its table before adding and call <see cref="Error"/> otherwise.
/// </summary>
public interface ICounters<TSelf> where TSelf : struct, ICounters<TSelf>
{
    /// <summary>The counters worker <paramref name="worker"/> adds into (its own set where sets are per worker).</summary>
    TSelf ForWorker(long worker);

    /// <summary>Adds one to counter <paramref name="cell"/> of table <paramref name="table"/> (0 or 1).</summary>
    void Increment(int table, uint cell);

    /// <summary>Counts one value that had no counter.</summary>
    void Error();
}
