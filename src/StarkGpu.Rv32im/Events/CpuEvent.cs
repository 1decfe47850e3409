using StarkGpu.Rv32im.Isa;

namespace StarkGpu.Rv32im.Events;

/// <summary>
/// One executed instruction (one Cpu-chip row), 108 bytes. Which access records are meaningful follows from the
/// instruction: <see cref="ARecord"/> always (op_a is read for stores and branches, written otherwise — ECALL
/// reads the syscall id from t0 and writes its result there); <see cref="BRecord"/> when !ImmB;
/// <see cref="CRecord"/> when !ImmC; <see cref="MemoryRecord"/> for loads and stores (see the helper properties).
/// Unused records are zero. Writes to x0 are recorded with value 0 (A is then 0).
/// </summary>
public struct CpuEvent
{
    /// <summary>Shard number (1-based; shard 0 is the initial memory state).</summary>
    public uint Shard;

    /// <summary>Clock within the shard: 0 for the shard's first instruction, +4 per instruction.</summary>
    public uint Clk;

    /// <summary>Address of this instruction.</summary>
    public uint Pc;

    /// <summary>Address of the next instruction; 0 after HALT.</summary>
    public uint NextPc;

    /// <summary>The operation (SP1 form, see <see cref="Instruction"/>).</summary>
    public Opcode Opcode;

    /// <summary>Register index of operand a.</summary>
    public byte OpA;

    // The immediate flags are stored as bytes: kernels read events as they lie in the record, and ILGPU takes only
    // blittable structs (a bool is not). The properties keep the bool view for everyone else.
    private byte _immB;
    private byte _immC;

    /// <summary>True when <see cref="OpB"/> is an immediate.</summary>
    public bool ImmB
    {
        readonly get => _immB != 0;
        set => _immB = value ? (byte)1 : (byte)0;
    }

    /// <summary>True when <see cref="OpC"/> is an immediate.</summary>
    public bool ImmC
    {
        readonly get => _immC != 0;
        set => _immC = value ? (byte)1 : (byte)0;
    }

    /// <summary>Register index or immediate of operand b.</summary>
    public uint OpB;

    /// <summary>Register index or immediate of operand c.</summary>
    public uint OpC;

    /// <summary>
    /// Value of operand a after the instruction: the result written to rd (0 when rd is x0), the value read for
    /// stores and branches, the syscall result for ECALL.
    /// </summary>
    public uint A;

    /// <summary>Value of operand b (the register's value, or the immediate).</summary>
    public uint B;

    /// <summary>Value of operand c (the register's value, or the immediate).</summary>
    public uint C;

    /// <summary>For loads and stores: the byte address b + c (the access is to the word at address &amp; ~3); else 0.</summary>
    public uint MemoryAddress;

    /// <summary>Access to register op_a at clk + 3.</summary>
    public MemoryAccessRecord ARecord;

    /// <summary>Access to register op_b at clk + 2 (when !ImmB).</summary>
    public MemoryAccessRecord BRecord;

    /// <summary>Access to register op_c at clk + 1 (when !ImmC).</summary>
    public MemoryAccessRecord CRecord;

    /// <summary>Access to the data word at clk + 0 (loads and stores): whole-word previous and new values.</summary>
    public MemoryAccessRecord MemoryRecord;

    /// <summary>The instruction in SP1 form.</summary>
    public readonly Instruction Instruction => new(Opcode, OpA, OpB, OpC, ImmB, ImmC);

    /// <summary>True when <see cref="BRecord"/> is meaningful.</summary>
    public readonly bool HasBRecord => !ImmB;

    /// <summary>True when <see cref="CRecord"/> is meaningful.</summary>
    public readonly bool HasCRecord => !ImmC;

    /// <summary>True when <see cref="MemoryRecord"/> is meaningful.</summary>
    public readonly bool HasMemoryRecord => OpcodeClass.IsMemory(Opcode);

    /// <summary>True when the op_a access is a write (value may differ from the previous one).</summary>
    public readonly bool WritesA => !OpcodeClass.ReadsOpAOnly(Opcode);
}
