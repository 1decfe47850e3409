namespace StarkGpu.Rv32im.Events;

/// <summary>
/// One Poseidon2 precompile call (syscall 0x133) in constrained mode; its 16 memory accesses are in
/// <see cref="ExecutionRecord.Poseidon2Memory"/> at the same index times 16. The matching CpuEvent and SyscallEvent
/// have the same shard and clk; every access happens at <c>clk + MemoryAccessPosition.Memory</c>.
/// </summary>
public struct Poseidon2Event
{
    /// <summary>Shard number.</summary>
    public uint Shard;

    /// <summary>Clock of the ECALL within the shard.</summary>
    public uint Clk;

    /// <summary>Byte address of the state's first word (a0; 4-aligned).</summary>
    public uint Pointer;
}
