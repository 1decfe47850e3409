using System.Globalization;
using static StarkGpu.Rv32im.Isa.InstructionFields;

namespace StarkGpu.Rv32im.Isa;

/// <summary>Formats instruction words in assembler syntax, for error messages and debugging.</summary>
public static class Disassembler
{
    /// <summary>Formats <paramref name="word"/>, e.g. <c>addi a0, a0, 1 (0x00150513)</c>.</summary>
    public static string Format(uint word)
    {
        var ins = InstructionDecoder.Decode(word);
        string raw = string.Create(CultureInfo.InvariantCulture, $"(0x{word:x8})");
        if (ins.Opcode == Opcode.Unimp)
        {
            return $"<invalid> {raw}";
        }

        string mnemonic = ins.Opcode.ToString().ToLowerInvariant();
        string body = MajorOpcode(word) switch
        {
            OpLui => Join("lui", Reg(Rd(word)), Hex(word >> 12)),
            OpAuipc => Join("auipc", Reg(Rd(word)), Hex(word >> 12)),
            OpJal => Join("jal", Reg(Rd(word)), Dec(ins.OpB)),
            OpJalr => Join("jalr", Reg(Rd(word)), $"{Dec(ins.OpC)}({Reg(Rs1(word))})"),
            OpLoad => Join(mnemonic, Reg(Rd(word)), $"{Dec(ins.OpC)}({Reg(Rs1(word))})"),
            OpStore => Join(mnemonic, Reg(Rs2(word)), $"{Dec(ins.OpC)}({Reg(Rs1(word))})"),
            OpBranch => Join(mnemonic, Reg(Rs1(word)), Reg(Rs2(word)), Dec(ins.OpC)),
            OpImm => Join(ins.Opcode == Opcode.Sltu ? "sltiu" : mnemonic + "i", Reg(Rd(word)), Reg(Rs1(word)), Dec(ins.OpC)),
            OpReg => Join(mnemonic, Reg(Rd(word)), Reg(Rs1(word)), Reg(Rs2(word))),
            OpMiscMem => "fence",
            _ => mnemonic,
        };
        return $"{body} {raw}";
    }

    private static string Join(string mnemonic, params string[] operands) => $"{mnemonic} {string.Join(", ", operands)}";

    private static string Reg(byte r) => Register.Name(r);

    private static string Dec(uint imm) => ((int)imm).ToString(CultureInfo.InvariantCulture);

    private static string Hex(uint v) => string.Create(CultureInfo.InvariantCulture, $"0x{v:x}");
}
