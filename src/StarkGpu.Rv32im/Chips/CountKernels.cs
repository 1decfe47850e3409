namespace StarkGpu.Rv32im.Chips;

/// <summary>Entry points of <c>kernels/rv32im/counts.cu</c>: multiplicity traces from counters.</summary>
public static class CountKernels
{
    /// <summary>
    /// (const uint32* counts, uint32 replicas, uint32* out, uint64 cells): sums <c>replicas</c> consecutive sets of
    /// <c>cells</c> counters into <c>out</c> as field elements (the ByteLookup and Program multiplicities).
    /// </summary>
    public const string SumToTrace = "counts_to_trace";
}
