namespace StarkGpu.Rv32im.Chips.Syscall;

/// <summary>
/// Columns of <see cref="SyscallChip"/> (width 8): one row per <see cref="Events.SyscallEvent"/>, each word as one
/// element reduced mod p, as on <see cref="Rv32imBuses.Syscall"/>, then the HALT test. Host only: no row writer and
/// no kernel.
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

    /// <summary>is_real * [syscall_id == HALT (0)]: the row halts, so its a0 is the public exit code.</summary>
    public const int IsHalt = 6;

    /// <summary>The inverse of syscall_id (0 when it is 0), which proves is_halt is 0 for any other id.</summary>
    public const int SyscallIdInverse = 7;

    public const int Width = 8;
}
