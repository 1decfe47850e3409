using static StarkGpu.Rv32im.Isa.InstructionFields;

namespace StarkGpu.Rv32im.Isa;

/// <summary>
/// Decodes RV32IM instruction words into SP1-form <see cref="Instruction"/>s. Anything outside RV32IM (CSRs,
/// compressed, FENCE.I, reserved encodings) decodes to <see cref="Opcode.Unimp"/>; the executor reports it
/// only if it is reached, because code segments legitimately contain padding and data.
/// </summary>
public static class InstructionDecoder
{
    private static readonly Instruction Invalid = new(Opcode.Unimp, 0, 0, 0, false, false);

    /// <summary>Decodes one instruction word.</summary>
    public static Instruction Decode(uint word)
    {
        byte rd = Rd(word), rs1 = Rs1(word), rs2 = Rs2(word);
        uint f3 = Funct3(word), f7 = Funct7(word);
        switch (MajorOpcode(word))
        {
            case OpLui:
                return new Instruction(Opcode.Add, rd, 0, ImmU(word), true, true);
            case OpAuipc:
                return new Instruction(Opcode.Auipc, rd, ImmU(word), ImmU(word), true, true);
            case OpJal:
                return new Instruction(Opcode.Jal, rd, ImmJ(word), 0, true, true);
            case OpJalr:
                return f3 == 0 ? new Instruction(Opcode.Jalr, rd, rs1, ImmI(word), false, true) : Invalid;
            case OpBranch:
                return BranchOpcode(f3) is { } branch
                    ? new Instruction(branch, rs1, rs2, ImmB(word), false, true) : Invalid;
            case OpLoad:
                return LoadOpcode(f3) is { } load ? new Instruction(load, rd, rs1, ImmI(word), false, true) : Invalid;
            case OpStore:
                return StoreOpcode(f3) is { } store
                    ? new Instruction(store, rs2, rs1, ImmS(word), false, true) : Invalid;
            case OpImm:
                return DecodeOpImm(word, rd, rs1, f3, f7);
            case OpReg:
                return RegOpcode(f3, f7) is { } op ? new Instruction(op, rd, rs1, rs2, false, false) : Invalid;
            case OpMiscMem:
                return f3 == 0 ? new Instruction(Opcode.Add, 0, 0, 0, true, true) : Invalid;
            case OpSystem:
                return word switch
                {
                    EcallWord => new Instruction(Opcode.Ecall, Register.T0, Register.A0, Register.A1, false, false),
                    EbreakWord => new Instruction(Opcode.Ebreak, 0, 0, 0, false, false),
                    _ => Invalid,
                };
            default:
                return Invalid;
        }
    }

    private static Instruction DecodeOpImm(uint word, byte rd, byte rs1, uint f3, uint f7)
    {
        uint imm = ImmI(word);
        uint shamt = imm & 31;
        Opcode? op = f3 switch
        {
            0 => Opcode.Add,
            2 => Opcode.Slt,
            3 => Opcode.Sltu,
            4 => Opcode.Xor,
            6 => Opcode.Or,
            7 => Opcode.And,
            1 when f7 == 0 => Opcode.Sll,
            5 when f7 == 0 => Opcode.Srl,
            5 when f7 == 0x20 => Opcode.Sra,
            _ => null,
        };
        if (op is not { } opcode)
        {
            return Invalid;
        }

        return new Instruction(opcode, rd, rs1, f3 is 1 or 5 ? shamt : imm, false, true);
    }

    private static Opcode? RegOpcode(uint f3, uint f7) => (f7, f3) switch
    {
        (0, 0) => Opcode.Add,
        (0x20, 0) => Opcode.Sub,
        (0, 1) => Opcode.Sll,
        (0, 2) => Opcode.Slt,
        (0, 3) => Opcode.Sltu,
        (0, 4) => Opcode.Xor,
        (0, 5) => Opcode.Srl,
        (0x20, 5) => Opcode.Sra,
        (0, 6) => Opcode.Or,
        (0, 7) => Opcode.And,
        (1, 0) => Opcode.Mul,
        (1, 1) => Opcode.Mulh,
        (1, 2) => Opcode.Mulhsu,
        (1, 3) => Opcode.Mulhu,
        (1, 4) => Opcode.Div,
        (1, 5) => Opcode.Divu,
        (1, 6) => Opcode.Rem,
        (1, 7) => Opcode.Remu,
        _ => null,
    };

    private static Opcode? BranchOpcode(uint f3) => f3 switch
    {
        0 => Opcode.Beq,
        1 => Opcode.Bne,
        4 => Opcode.Blt,
        5 => Opcode.Bge,
        6 => Opcode.Bltu,
        7 => Opcode.Bgeu,
        _ => null,
    };

    private static Opcode? LoadOpcode(uint f3) => f3 switch
    {
        0 => Opcode.Lb,
        1 => Opcode.Lh,
        2 => Opcode.Lw,
        4 => Opcode.Lbu,
        5 => Opcode.Lhu,
        _ => null,
    };

    private static Opcode? StoreOpcode(uint f3) => f3 switch
    {
        0 => Opcode.Sb,
        1 => Opcode.Sh,
        2 => Opcode.Sw,
        _ => null,
    };
}
