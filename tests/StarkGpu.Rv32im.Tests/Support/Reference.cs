using StarkGpu.Rv32im.Isa;

namespace StarkGpu.Rv32im.Tests.Support;

/// <summary>An independent statement of the ALU semantics (BigInteger-free, written from the spec).</summary>
internal static class Reference
{
    public static uint Alu(Opcode op, uint b, uint c) => op switch
    {
        Opcode.Add => b + c,
        Opcode.Sub => b - c,
        Opcode.Xor => b ^ c,
        Opcode.Or => b | c,
        Opcode.And => b & c,
        Opcode.Sll => b << (int)(c % 32),
        Opcode.Srl => b >> (int)(c % 32),
        Opcode.Sra => (uint)((int)b >> (int)(c % 32)),
        Opcode.Slt => (int)b < (int)c ? 1u : 0u,
        Opcode.Sltu => b < c ? 1u : 0u,
        Opcode.Mul => (uint)((ulong)b * c),
        Opcode.Mulh => (uint)(((long)(int)b * (int)c) >> 32),
        Opcode.Mulhu => (uint)(((ulong)b * c) >> 32),
        Opcode.Mulhsu => (uint)((Int128)(int)b * c >> 32),
        Opcode.Div => c == 0 ? uint.MaxValue : (uint)(int)((long)(int)b / (int)c), // INT_MIN / -1 wraps to INT_MIN
        Opcode.Divu => c == 0 ? uint.MaxValue : b / c,
        Opcode.Rem => c == 0 ? b : (uint)(int)((long)(int)b % (int)c),
        Opcode.Remu => c == 0 ? b : b % c,
        _ => throw new ArgumentOutOfRangeException(nameof(op)),
    };
}
