namespace StarkGpu.Rv32im.Events;

/// <summary>A (shard, timestamp, value) state of one memory word or register.</summary>
public struct MemoryState
{
    /// <summary>Shard of the access (0: initial state).</summary>
    public uint Shard;

    /// <summary>Timestamp of the access within its shard (0: initial state).</summary>
    public uint Timestamp;

    /// <summary>Word value after the access.</summary>
    public uint Value;
}

/// <summary>
/// One address (register index 0..31 or 4-aligned word address) touched in a shard: its state before the
/// shard (the last access in an earlier shard, or (0, 0, initial value)) and after it (the shard's last access).
/// These connect a shard's local memory bus to the global one. Sorted by address within a record.
/// </summary>
public struct MemoryLocalEvent
{
    /// <summary>Register index (0..31) or word address (&gt;= 32, 4-aligned).</summary>
    public uint Address;

    /// <summary>State before the shard's first access.</summary>
    public MemoryState Initial;

    /// <summary>State after the shard's last access.</summary>
    public MemoryState Final;
}
