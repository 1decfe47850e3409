using StarkGpu.Rv32im.Chips.Alu;
using StarkGpu.Rv32im.Chips.Alu.Shared;
using StarkGpu.Rv32im.Isa;
using StarkGpu.Rv32im.Tests.Chips.Support;

namespace StarkGpu.Rv32im.Tests.Chips;

public sealed class MulChipTests : AluChipContract
{
    protected override AluChip CreateChip() => new MulChip();

    protected override Opcode[] Opcodes => [Opcode.Mul, Opcode.Mulh, Opcode.Mulhu, Opcode.Mulhsu];

    protected override (int Column, uint Value, string Label) Corruption => (MulColumns.CSignExtend, 1, "c is sign-extended iff signed (MULH) and negative");

    [TestCase(Opcode.Mul, 0xffff_ffffu, 0xffff_ffffu, 1u)]
    [TestCase(Opcode.Mulh, 0xffff_ffffu, 0xffff_ffffu, 0u)]
    [TestCase(Opcode.Mulhu, 0xffff_ffffu, 0xffff_ffffu, 0xffff_fffeu)]
    [TestCase(Opcode.Mulhsu, 0xffff_ffffu, 0xffff_ffffu, 0xffff_ffffu)]
    [TestCase(Opcode.Mulh, 0x8000_0000u, 0x8000_0000u, 0x4000_0000u)]
    [TestCase(Opcode.Mulh, 0x8000_0000u, 0x7fff_ffffu, 0xc000_0000u)]
    [TestCase(Opcode.Mulhsu, 0x8000_0000u, 0xffff_ffffu, 0x8000_0000u)]
    [TestCase(Opcode.Mulh, 0xffff_fff9u, 3u, 0xffff_ffffu)]
    public void MultipliesWithTheOperandSignsOfTheOpcode(Opcode opcode, uint b, uint c, uint expected)
    {
        var alu = AluEventSamples.Event(opcode, b, c);
        Assert.That(alu.A, Is.EqualTo(expected));
        var report = CheckOneEvent(alu);
        Assert.That(report.IsSatisfied, Is.True, report.ToString);
    }

    [Test]
    public void AnUnsignedHighWordClaimedForMulhFails()
    {
        var wrong = AluEventSamples.Event(Opcode.Mulh, 0xffff_ffff, 0xffff_ffff);
        wrong.A = 0xffff_fffe;
        var report = CheckOneEvent(wrong);
        Assert.That(report.ConstraintFailures.Select(f => f.Label), Does.Contain("a[0] is the selected product limb"));
    }

}
