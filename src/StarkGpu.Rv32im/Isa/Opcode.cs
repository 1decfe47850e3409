namespace StarkGpu.Rv32im.Isa;

/// <summary>
/// The operation an instruction performs, in SP1's normalised form: an immediate variant of an ALU operation
/// (ADDI, XORI, SLLI, ...) uses the register opcode with <see cref="Instruction.ImmC"/> set, and LUI becomes
/// <see cref="Add"/> with both operands immediate. Values are stable: chips may use them as column values.
/// </summary>
public enum Opcode : byte
{
    /// <summary>Not a valid RV32IM instruction (decoded lazily: it is an error only when executed).</summary>
    Unimp = 0,
    Add, Sub, Xor, Or, And, Sll, Srl, Sra, Slt, Sltu,
    Mul, Mulh, Mulhu, Mulhsu, Div, Divu, Rem, Remu,
    Lb, Lh, Lw, Lbu, Lhu, Sb, Sh, Sw,
    Beq, Bne, Blt, Bge, Bltu, Bgeu,
    Jal, Jalr, Auipc,
    Ecall, Ebreak,
}
