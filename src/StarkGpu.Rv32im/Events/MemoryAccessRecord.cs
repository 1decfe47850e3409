namespace StarkGpu.Rv32im.Events;

/// <summary>
/// One access to a memory word or a register (registers are memory addresses 0..31 in every memory event).
/// The access itself happens at (the event's shard, <c>clk + position</c>, see <see cref="MemoryAccessPosition"/>);
/// this record holds what the memory argument needs besides: the value after the access and the previous
/// access to the same address (shard 0, timestamp 0 and the initial value when there was none).
/// For a read, <see cref="Value"/> equals <see cref="PrevValue"/>. Always (PrevShard, PrevTimestamp) &lt;
/// (shard, timestamp) lexicographically.
/// </summary>
public struct MemoryAccessRecord
{
    /// <summary>Word value after the access (for a register: the register value).</summary>
    public uint Value;

    /// <summary>Word value before the access.</summary>
    public uint PrevValue;

    /// <summary>Shard of the previous access to this address, 0 for the initial state.</summary>
    public uint PrevShard;

    /// <summary>Timestamp of the previous access to this address, 0 for the initial state.</summary>
    public uint PrevTimestamp;
}
