using StarkGpu.Rv32im.Chips.Alu;
using StarkGpu.Rv32im.Chips.Alu.Shared;
using StarkGpu.Rv32im.Isa;
using StarkGpu.Rv32im.Tests.Chips.Support;

namespace StarkGpu.Rv32im.Tests.Chips;

public sealed class ShiftRightChipTests : AluChipContract
{
    protected override AluChip CreateChip() => new ShiftRightChip();

    protected override Opcode[] Opcodes => [Opcode.Srl, Opcode.Sra];

    protected override (int Column, uint Value, string Label) Corruption => (ShiftRightColumns.SignByte, 7, "sign byte = 0xFF * is_sra * msb(b)");

    [TestCase(Opcode.Srl, 0x8000_0000u, 31u, 1u)]
    [TestCase(Opcode.Sra, 0x8000_0000u, 31u, 0xffff_ffffu)]
    [TestCase(Opcode.Sra, 0x8000_0000u, 0u, 0x8000_0000u)]
    [TestCase(Opcode.Sra, 0xffff_ffffu, 0xffff_ffe4u, 0xffff_ffffu)]
    [TestCase(Opcode.Srl, 0xffff_ffffu, 32u, 0xffff_ffffu)]
    [TestCase(Opcode.Sra, 0x8765_4321u, 13u, 0xfffc_3b2au)]
    [TestCase(Opcode.Srl, 0x8765_4321u, 13u, 0x0004_3b2au)]
    [TestCase(Opcode.Sra, 0x7fff_ffffu, 30u, 1u)]
    public void ShiftsByTheLowFiveBitsOfCFillingWithTheSignForSra(Opcode opcode, uint b, uint c, uint expected)
    {
        var alu = AluEventSamples.Event(opcode, b, c);
        Assert.That(alu.A, Is.EqualTo(expected));
        var report = CheckOneEvent(alu);
        Assert.That(report.IsSatisfied, Is.True, report.ToString);
    }

    [Test]
    public void ALogicalResultClaimedForSraFails()
    {
        var wrong = AluEventSamples.Event(Opcode.Sra, 0x8000_0000, 4);
        wrong.A = 0x0800_0000;
        var report = CheckOneEvent(wrong);
        Assert.That(report.ConstraintFailures.Select(f => f.Label), Does.Contain("limb 4: shifted * 2^(8 - n) + carry in = result + 256 * carry out"));
    }

}
