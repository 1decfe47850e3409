using System.Runtime.InteropServices;

namespace StarkGpu.Rv32im.Isa;

/// <summary>
/// A decoded instruction in SP1's three-operand form (12 bytes, decoded once per program).
/// <list type="bullet">
/// <item>R-type ALU: a = rd, b = rs1, c = rs2. I-type ALU: a = rd, b = rs1, c = imm (ImmC).</item>
/// <item>LUI: ADD a = rd, b = 0 (ImmB), c = imm &lt;&lt; 12 (ImmC). AUIPC: a = rd, b = c = imm &lt;&lt; 12 (both immediate).</item>
/// <item>Loads: a = rd, b = rs1, c = offset (ImmC). Stores: a = rs2 (the value, read), b = rs1, c = offset (ImmC).</item>
/// <item>Branches: a = rs1, b = rs2 (both read), c = offset (ImmC); taken: next pc = pc + c.</item>
/// <item>JAL: a = rd, b = offset (ImmB), c = 0 (ImmC). JALR: a = rd, b = rs1, c = offset (ImmC).</item>
/// <item>ECALL: a = t0 (x5: syscall id in, result out), b = a0 (x10), c = a1 (x11). EBREAK, UNIMP: all zero.</item>
/// <item>FENCE: a no-op, decoded as ADD x0, x0, 0 with both operands immediate.</item>
/// </list>
/// Immediates are sign-extended to 32 bits (shift amounts are 0..31).
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public readonly struct Instruction : IEquatable<Instruction>
{
    /// <summary>Creates an instruction in SP1 form.</summary>
    public Instruction(Opcode opcode, byte opA, uint opB, uint opC, bool immB, bool immC)
    {
        Opcode = opcode;
        OpA = opA;
        ImmB = immB;
        ImmC = immC;
        OpB = opB;
        OpC = opC;
    }

    /// <summary>The operation.</summary>
    public Opcode Opcode { get; }

    /// <summary>Register index 0..31 of operand a.</summary>
    public byte OpA { get; }

    /// <summary>True when <see cref="OpB"/> is an immediate value rather than a register index.</summary>
    public bool ImmB { get; }

    /// <summary>True when <see cref="OpC"/> is an immediate value rather than a register index.</summary>
    public bool ImmC { get; }

    /// <summary>Register index of operand b, or its immediate value when <see cref="ImmB"/>.</summary>
    public uint OpB { get; }

    /// <summary>Register index of operand c, or its immediate value when <see cref="ImmC"/>.</summary>
    public uint OpC { get; }

    /// <inheritdoc/>
    public bool Equals(Instruction other) =>
        Opcode == other.Opcode && OpA == other.OpA && ImmB == other.ImmB && ImmC == other.ImmC
        && OpB == other.OpB && OpC == other.OpC;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Instruction other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Opcode, OpA, ImmB, ImmC, OpB, OpC);

    /// <summary>Equality of all fields.</summary>
    public static bool operator ==(Instruction left, Instruction right) => left.Equals(right);

    /// <summary>Inequality of any field.</summary>
    public static bool operator !=(Instruction left, Instruction right) => !left.Equals(right);

    /// <inheritdoc/>
    public override string ToString() =>
        $"{Opcode} x{OpA}, {(ImmB ? $"#{(int)OpB}" : $"x{OpB}")}, {(ImmC ? $"#{(int)OpC}" : $"x{OpC}")}";
}
