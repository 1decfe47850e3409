namespace StarkGpu.Rv32im.Isa;

/// <summary>Classification of opcodes by the chip that proves them.</summary>
public static class OpcodeClass
{
    /// <summary>ADD, SUB: the AddSub chip.</summary>
    public static bool IsAddSub(Opcode op) => op is Opcode.Add or Opcode.Sub;

    /// <summary>XOR, OR, AND: the Bitwise chip.</summary>
    public static bool IsBitwise(Opcode op) => op is Opcode.Xor or Opcode.Or or Opcode.And;

    /// <summary>SLT, SLTU: the Lt chip.</summary>
    public static bool IsLt(Opcode op) => op is Opcode.Slt or Opcode.Sltu;

    /// <summary>SRL, SRA: the ShiftRight chip (SLL alone goes to ShiftLeft).</summary>
    public static bool IsShiftRight(Opcode op) => op is Opcode.Srl or Opcode.Sra;

    /// <summary>MUL, MULH, MULHU, MULHSU: the Mul chip.</summary>
    public static bool IsMul(Opcode op) => op is >= Opcode.Mul and <= Opcode.Mulhsu;

    /// <summary>DIV, DIVU, REM, REMU: the DivRem chip.</summary>
    public static bool IsDivRem(Opcode op) => op is >= Opcode.Div and <= Opcode.Remu;

    /// <summary>Any ALU operation (register or immediate form, LUI included as ADD).</summary>
    public static bool IsAlu(Opcode op) => op is >= Opcode.Add and <= Opcode.Remu;

    /// <summary>LB, LH, LW, LBU, LHU.</summary>
    public static bool IsLoad(Opcode op) => op is >= Opcode.Lb and <= Opcode.Lhu;

    /// <summary>SB, SH, SW.</summary>
    public static bool IsStore(Opcode op) => op is >= Opcode.Sb and <= Opcode.Sw;

    /// <summary>Loads and stores: the instructions that access data memory.</summary>
    public static bool IsMemory(Opcode op) => op is >= Opcode.Lb and <= Opcode.Sw;

    /// <summary>Conditional branches.</summary>
    public static bool IsBranch(Opcode op) => op is >= Opcode.Beq and <= Opcode.Bgeu;

    /// <summary>
    /// True when op_a is only read (stores, branches); false when op_a is written (everything else; ECALL reads
    /// the syscall id from t0 and writes the result back to it, so its op_a access is a write).
    /// </summary>
    public static bool ReadsOpAOnly(Opcode op) => IsStore(op) || IsBranch(op);
}
