using StarkGpu.Rv32im.Isa;

namespace StarkGpu.Rv32im.Tests.Chips.Support;

/// <summary>What every RV32IM ALU operation computes (the RISC-V specification), written independently of the chips and the executor, to build events.</summary>
public static class AluReference
{
    public static uint Compute(Opcode opcode, uint b, uint c) => opcode switch
    {
        Opcode.Add => unchecked(b + c),
        Opcode.Sub => unchecked(b - c),
        Opcode.Xor => b ^ c,
        Opcode.Or => b | c,
        Opcode.And => b & c,
        Opcode.Slt => (int)b < (int)c ? 1u : 0u,
        Opcode.Sltu => b < c ? 1u : 0u,
        Opcode.Sll => b << (int)(c & 31),
        Opcode.Srl => b >> (int)(c & 31),
        Opcode.Sra => (uint)((int)b >> (int)(c & 31)),
        Opcode.Mul => unchecked(b * c),
        Opcode.Mulh => (uint)((ulong)((long)(int)b * (int)c) >> 32),
        Opcode.Mulhu => (uint)(((ulong)b * c) >> 32),
        Opcode.Mulhsu => (uint)((ulong)((long)(int)b * (long)c) >> 32),
        Opcode.Div => c == 0 ? uint.MaxValue : (b == 0x8000_0000 && c == uint.MaxValue) ? b : (uint)((int)b / (int)c),
        Opcode.Divu => c == 0 ? uint.MaxValue : b / c,
        Opcode.Rem => c == 0 ? b : (b == 0x8000_0000 && c == uint.MaxValue) ? 0 : (uint)((int)b % (int)c),
        Opcode.Remu => c == 0 ? b : b % c,
        _ => throw new ArgumentOutOfRangeException(nameof(opcode), opcode, "not an ALU opcode"),
    };
}
