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

    /// <summary>Address of the ECALL.</summary>
    public const int Pc = 5;

    /// <summary>The ECALL's next pc: pc + 4, or 0 after HALT.</summary>
    public const int NextPc = 6;

    /// <summary>t0 after the call (reduced mod p).</summary>
    public const int Result = 7;

    /// <summary>1 on a row holding an event, 0 on padding.</summary>
    public const int IsReal = 8;

    /// <summary>is_real * [syscall_id == HALT]: the row halts, so its a0 is the public exit code.</summary>
    public const int IsHalt = 9;

    /// <summary>The inverse of syscall_id - HALT (0 when it is 0), which proves is_halt is 0 for any other id.</summary>
    public const int HaltInverse = 10;

    /// <summary>is_real * [syscall_id == COMMIT]: a1 is committed digest word a0.</summary>
    public const int IsCommit = 11;

    /// <summary>The inverse of syscall_id - COMMIT (0 when it is 0).</summary>
    public const int CommitInverse = 12;

    /// <summary>is_real * [syscall_id == COMMIT_DEFERRED_PROOFS]: a1 is deferred-proofs digest word a0.</summary>
    public const int IsCommitDeferred = 13;

    /// <summary>The inverse of syscall_id - COMMIT_DEFERRED_PROOFS (0 when it is 0).</summary>
    public const int CommitDeferredInverse = 14;

    /// <summary>index_bit0..7: one-hot a0 (the digest word's index) on a commit row, zero elsewhere.</summary>
    public const int DigestIndex = 15;

    /// <summary>is_real * [syscall_id == HINT_LEN]: the one syscall whose result (the hint's length) is the prover's input.</summary>
    public const int IsHintLen = DigestIndex + Events.DigestWords.Length;

    /// <summary>The inverse of syscall_id - HINT_LEN (0 when it is 0).</summary>
    public const int HintLenInverse = IsHintLen + 1;

    /// <summary>is_real * [syscall_id == ENTER_UNCONSTRAINED]: its constrained result is 0.</summary>
    public const int IsEnterUnconstrained = HintLenInverse + 1;

    /// <summary>The inverse of syscall_id - ENTER_UNCONSTRAINED (0 when it is 0).</summary>
    public const int EnterUnconstrainedInverse = IsEnterUnconstrained + 1;

    /// <summary>is_real * [syscall_id == EXIT_UNCONSTRAINED]: outside a block a no-op whose result is 0.</summary>
    public const int IsExitUnconstrained = EnterUnconstrainedInverse + 1;

    /// <summary>The inverse of syscall_id - EXIT_UNCONSTRAINED (0 when it is 0).</summary>
    public const int ExitUnconstrainedInverse = IsExitUnconstrained + 1;

    public const int Width = ExitUnconstrainedInverse + 1;
}
