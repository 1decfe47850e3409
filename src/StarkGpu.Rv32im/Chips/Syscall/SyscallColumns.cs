namespace StarkGpu.Rv32im.Chips.Syscall;

/// <summary>
/// Columns of <see cref="SyscallChip"/> (width 20): one row per <see cref="Events.SyscallEvent"/>, each word as one
/// element reduced mod p, as on <see cref="Rv32imBuses.Syscall"/>, then the tests of the syscalls whose arguments
/// are public values (<see cref="SyscallPublicValues"/>). Host only: no row writer and no kernel.
/// </summary>
public static class SyscallColumns
{
    /// <summary>Shard of the ECALL.</summary>
    public const int Shard = 0;

    /// <summary>Clock of the ECALL within the shard.</summary>
    public const int Clk = 1;

    /// <summary>The syscall id (t0 before the call).</summary>
    public const int SyscallId = 2;

    /// <summary>First argument (a0).</summary>
    public const int Arg1 = 3;

    /// <summary>Second argument (a1).</summary>
    public const int Arg2 = 4;

    /// <summary>1 on a row holding an event, 0 on padding.</summary>
    public const int IsReal = 5;

    /// <summary>is_real * [syscall_id == HALT]: the row halts, so its a0 is the public exit code.</summary>
    public const int IsHalt = 6;

    /// <summary>The inverse of syscall_id - HALT (0 when it is 0), which proves is_halt is 0 for any other id.</summary>
    public const int HaltInverse = 7;

    /// <summary>is_real * [syscall_id == COMMIT]: a1 is committed digest word a0.</summary>
    public const int IsCommit = 8;

    /// <summary>The inverse of syscall_id - COMMIT (0 when it is 0).</summary>
    public const int CommitInverse = 9;

    /// <summary>is_real * [syscall_id == COMMIT_DEFERRED_PROOFS]: a1 is deferred-proofs digest word a0.</summary>
    public const int IsCommitDeferred = 10;

    /// <summary>The inverse of syscall_id - COMMIT_DEFERRED_PROOFS (0 when it is 0).</summary>
    public const int CommitDeferredInverse = 11;

    /// <summary>index_bit0..7: one-hot a0 (the digest word's index) on a commit row, zero elsewhere.</summary>
    public const int DigestIndex = 12;

    public const int Width = DigestIndex + Events.DigestWords.Length;
}
