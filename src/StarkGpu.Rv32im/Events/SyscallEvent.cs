namespace StarkGpu.Rv32im.Events;

/// <summary>One ECALL executed in constrained mode (the matching CpuEvent has the same shard and clk).</summary>
public struct SyscallEvent
{
    /// <summary>Shard number.</summary>
    public uint Shard;

    /// <summary>Clock of the ECALL within the shard.</summary>
    public uint Clk;

    /// <summary>Syscall id (t0 before the call).</summary>
    public uint SyscallId;

    /// <summary>First argument (a0).</summary>
    public uint Arg1;

    /// <summary>Second argument (a1).</summary>
    public uint Arg2;

    /// <summary>Address of the ECALL.</summary>
    public uint Pc;

    /// <summary>Where execution goes on: pc + 4, or 0 after HALT.</summary>
    public uint NextPc;

    /// <summary>t0 after the call: the id, except HINT_LEN's length and the unconstrained-block calls' 0.</summary>
    public uint Result;
}
