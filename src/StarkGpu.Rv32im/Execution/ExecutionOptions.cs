namespace StarkGpu.Rv32im.Execution;

/// <summary>How to run a program.</summary>
public sealed class ExecutionOptions
{
    /// <summary>Default shard size: 2^20 cycles.</summary>
    public const int DefaultShardSize = 1 << 20;

    /// <summary>Fast (no events) or recording.</summary>
    public ExecutionMode Mode { get; init; } = ExecutionMode.Fast;

    /// <summary>Cycles per shard (the last shard may be shorter).</summary>
    public int ShardSize { get; init; } = DefaultShardSize;

    /// <summary>
    /// Most instructions the run may execute, counting those of unconstrained blocks; one more is an error.
    /// </summary>
    public ulong MaxCycles { get; init; } = 1UL << 32;

    /// <summary>Hints the guest reads with HINT_LEN / HINT_READ, in order.</summary>
    public IReadOnlyList<byte[]> Hints { get; init; } = [];

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(ShardSize, 1, nameof(ShardSize));
        ArgumentNullException.ThrowIfNull(Hints, nameof(Hints));
    }
}
