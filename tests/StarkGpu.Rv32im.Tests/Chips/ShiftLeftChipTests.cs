using StarkGpu.Rv32im.Chips.Alu;
using StarkGpu.Rv32im.Chips.Alu.Shared;
using StarkGpu.Rv32im.Isa;
using StarkGpu.Rv32im.Tests.Chips.Support;

namespace StarkGpu.Rv32im.Tests.Chips;

public sealed class ShiftLeftChipTests : AluChipContract
{
    protected override AluChip CreateChip() => new ShiftLeftChip();

    protected override Opcode[] Opcodes => [Opcode.Sll];

    protected override (int Column, uint Value, string Label) Corruption => (ShiftLeftColumns.BitMultiplier, 3, "bit multiplier = 2^(c mod 8)");

    [TestCase(0x8765_4321u, 0u)]
    [TestCase(0x8765_4321u, 31u)]
    [TestCase(0xffff_ffffu, 32u)]
    [TestCase(0x0000_0001u, 0xffff_ffe3u)]
    [TestCase(0x8000_0000u, 1u)]
    [TestCase(0x00ff_00ffu, 12u)]
    public void ShiftsByTheLowFiveBitsOfC(uint b, uint c)
    {
        var alu = AluEventSamples.Event(Opcode.Sll, b, c);
        Assert.That(alu.A, Is.EqualTo(b << (int)(c & 31)));
        var report = CheckOneEvent(alu);
        Assert.That(report.IsSatisfied, Is.True, report.ToString);
    }

    [Test]
    public void AResultShiftedByTheWrongAmountFails()
    {
        // The claimed result is b << 9 where c asks for 8: the trace's byte selection cannot produce it.
        var wrong = AluEventSamples.Event(Opcode.Sll, 0x0000_0101, 8);
        wrong.A = 0x0000_0101u << 9;
        var report = CheckOneEvent(wrong);
        Assert.That(report.ConstraintFailures.Select(f => f.Label), Does.Contain("a[1] is the byte-shifted limb"));
    }

}
