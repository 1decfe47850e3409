using StarkGpu.Fields.Poseidon2;

namespace StarkGpu.Rv32im.Execution;

/// <summary>How to run a program.</summary>
public sealed class ExecutionOptions
{
    /// <summary>Default shard size: 2^20 cycles.</summary>
    public const int DefaultShardSize = 1 << 20;

    /// <summary>
    /// The largest shard: 2^22 cycles, as SP1's. A shard's timestamps (4 per cycle) then stay below 2^24, which the Cpu
    /// chip's access-order check (three range-checked bytes of a difference) needs to be sound.
    /// </summary>
    public const int MaxShardSize = 1 << 22;

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

    /// <summary>
    /// The internal layer of the Poseidon2 precompile (<see cref="SyscallCode.Poseidon2Permute"/>): SP1's by default,
    /// as the machine follows SP1; Plonky3's for guests that hash as Plonky3 does.
    /// </summary>
    public Poseidon2InternalLayerKind Poseidon2Layer { get; init; } = Poseidon2InternalLayerKind.Sp1;

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(ShardSize, 1, nameof(ShardSize));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(ShardSize, MaxShardSize, nameof(ShardSize));
        ArgumentNullException.ThrowIfNull(Hints, nameof(Hints));
        if (!Enum.IsDefined(Poseidon2Layer))
        {
            throw new ArgumentOutOfRangeException(nameof(Poseidon2Layer), Poseidon2Layer, "unknown Poseidon2 internal layer");
        }
    }
}
