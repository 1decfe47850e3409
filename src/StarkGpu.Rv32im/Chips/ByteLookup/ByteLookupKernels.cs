namespace StarkGpu.Rv32im.Chips.ByteLookup;

/// <summary>Entry points of <c>kernels/rv32im/bytelookup.cu</c>.</summary>
public static class ByteLookupKernels
{
    /// <summary>(uint32* out, uint64 height): the preprocessed table, column-major.</summary>
    public const string PreprocessedTrace = "bytelookup_preprocessed_trace";

    /// <summary>
    /// (const uint32* lookups, uint64 count, uint32* counts, uint32* errors): counts lookups listed as
    /// (op, b, c) triples, for a source that lists its lookups rather than deriving them from events in a kernel.
    /// </summary>
    public const string CountListed = "bytelookup_count_listed";
}
