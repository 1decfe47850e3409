using StarkGpu.Engine.Air;

namespace StarkGpu.Rv32im.Chips;

/// <summary>
/// The buses of the RV32IM machine and the tuple each carries. Every chip sends or receives exactly
/// these shapes, so chips written separately balance together. A 32-bit word travels as four byte
/// limbs, least significant first (each a field element below 256), so every value stays below p.
/// </summary>
public static class Rv32imBuses
{
    /// <summary>
    /// (pc, opcode, op_a, op_b, op_c, imm_b, imm_c, flags) = 8 elements: Cpu sends one per real row;
    /// Program receives with its multiplicity column. Opcode is <c>(uint)Isa.Opcode</c>; op_b/op_c are
    /// register indices or immediates as in <see cref="Isa.Instruction"/> (an immediate is its 32-bit
    /// value reduced mod p, which <c>KoalaBear.FromCanonical</c> does for any uint); flags is
    /// <see cref="Cpu.InstructionFlags"/> of the opcode as one element.
    /// </summary>
    public static readonly Bus Program = new("program", 1, BusScope.LocalToShard);

    /// <summary>
    /// (opcode, a0..a3, b0..b3, c0..c3) = 13 elements: an ALU operation a = b op c on byte limbs.
    /// Cpu sends one per AluEvent-producing instruction; the ALU chip of that opcode receives it.
    /// </summary>
    public static readonly Bus Alu = new("alu", 2, BusScope.LocalToShard);

    /// <summary>
    /// (byte_opcode, a, b, c) with <see cref="ByteOpcode"/>: a lookup into the ByteLookup table
    /// (b, c bytes; a the operation's result). Any chip sends; ByteLookup receives with one
    /// multiplicity column per byte opcode.
    /// </summary>
    public static readonly Bus Byte = new("byte", 3, BusScope.LocalToShard);

    /// <summary>
    /// (address, shard, timestamp, v0..v3) = 7 elements: a memory state. Every access receives the
    /// previous state (its record's PrevShard, PrevTimestamp, PrevValue) and sends the new one (the
    /// event's shard, clk + <see cref="Events.MemoryAccessPosition"/>, Value); registers are addresses
    /// 0..31, data words their 4-aligned byte address (always below p). MemoryLocal sends each touched
    /// address's initial state and receives its final state, so the bus balances per shard.
    /// </summary>
    public static readonly Bus Memory = new("memory", 4, BusScope.LocalToShard);

    /// <summary>
    /// (address, shard, timestamp, v0..v3) = 7 elements across shards: MemoryLocal receives a touched
    /// address's initial state and sends its final state; the global boundary chips send the initial
    /// image (shard 0, timestamp 0) and receive the final state of every address.
    /// </summary>
    public static readonly Bus MemoryGlobal = new("memory-global", 5, BusScope.Global);

    /// <summary>
    /// (shard, clk, syscall_id, arg1, arg2) = 5 elements, each word as one element reduced mod p: Cpu
    /// sends one per ECALL row (syscall_id = t0 before the call, arg1 = a0, arg2 = a1); Syscall
    /// receives one per <see cref="Events.SyscallEvent"/>.
    /// </summary>
    public static readonly Bus Syscall = new("syscall", 6, BusScope.LocalToShard);
}
