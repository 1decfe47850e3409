using StarkGpu.Rv32im.Isa;
using StarkGpu.Rv32im.Tests.Support;

namespace StarkGpu.Rv32im.Tests.Isa;

public class DecoderTests
{
    [Test]
    public void DecodesIntoSp1Form()
    {
        Assert.That(InstructionDecoder.Decode(Asm.Addi(10, 11, -5)), Is.EqualTo(new Instruction(Opcode.Add, 10, 11, unchecked((uint)-5), false, true)));
        Assert.That(InstructionDecoder.Decode(Asm.Add(1, 2, 3)), Is.EqualTo(new Instruction(Opcode.Add, 1, 2, 3, false, false)));
        Assert.That(InstructionDecoder.Decode(Asm.Lui(7, 0xABCDE)), Is.EqualTo(new Instruction(Opcode.Add, 7, 0, 0xABCDE000, true, true)));
        Assert.That(InstructionDecoder.Decode(Asm.Sw(4, 2, -8)), Is.EqualTo(new Instruction(Opcode.Sw, 4, 2, unchecked((uint)-8), false, true)));
        Assert.That(InstructionDecoder.Decode(Asm.Beq(4, 5, -4096)), Is.EqualTo(new Instruction(Opcode.Beq, 4, 5, unchecked((uint)-4096), false, true)));
        Assert.That(InstructionDecoder.Decode(Asm.Jal(1, 0xFFFFE)), Is.EqualTo(new Instruction(Opcode.Jal, 1, 0xFFFFE, 0, true, true)));
        Assert.That(InstructionDecoder.Decode(Asm.Jal(1, -0x100000)), Is.EqualTo(new Instruction(Opcode.Jal, 1, 0xFFF00000, 0, true, true)));
        Assert.That(InstructionDecoder.Decode(Asm.Ecall), Is.EqualTo(new Instruction(Opcode.Ecall, 5, 10, 11, false, false)));
        Assert.That(InstructionDecoder.Decode(Asm.R(1, 3, 2, 7, 1, 0x33)).Opcode, Is.EqualTo(Opcode.Remu));
        Assert.That(InstructionDecoder.Decode(Asm.I(0x405, 2, 5, 1, 0x13)), Is.EqualTo(new Instruction(Opcode.Sra, 1, 2, 5, false, true)));
    }

    [TestCase(0x00000000u, TestName = "All zero")]
    [TestCase(0xFFFFFFFFu, TestName = "All ones")]
    [TestCase(0x30002573u, TestName = "CSR read")]
    [TestCase(0x0000100Fu, TestName = "FENCE.I")]
    [TestCase(0x02000033u | (1u << 26), TestName = "Bad funct7")]
    [TestCase(0x00003003u, TestName = "LD (rv64)")]
    [TestCase(0x02001013u, TestName = "SLLI shamt bit 5")]
    [TestCase(0x00001067u, TestName = "JALR funct3 1")]
    public void RejectsNonRv32imWords(uint word)
    {
        Assert.That(InstructionDecoder.Decode(word).Opcode, Is.EqualTo(Opcode.Unimp));
        Assert.That(Disassembler.Format(word), Does.StartWith("<invalid>"));
    }

    [Test]
    public void DisassemblesInAssemblerSyntax()
    {
        Assert.That(Disassembler.Format(0x00150513), Is.EqualTo("addi a0, a0, 1 (0x00150513)"));
        Assert.That(Disassembler.Format(Asm.Lw(10, 2, 12)), Does.StartWith("lw a0, 12(sp)"));
        Assert.That(Disassembler.Format(Asm.Sw(5, 2, -4)), Does.StartWith("sw t0, -4(sp)"));
        Assert.That(Disassembler.Format(Asm.Ecall), Does.StartWith("ecall"));
        Assert.That(Disassembler.Format(Asm.I(3, 1, 3, 2, 0x13)), Does.StartWith("sltiu sp, ra, 3"));
    }
}
