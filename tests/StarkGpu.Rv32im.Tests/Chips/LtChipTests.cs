using StarkGpu.Rv32im.Chips.Alu;
using StarkGpu.Rv32im.Chips.Alu.Shared;
using StarkGpu.Rv32im.Isa;
using StarkGpu.Rv32im.Tests.Chips.Support;

namespace StarkGpu.Rv32im.Tests.Chips;

public sealed class LtChipTests : AluChipContract
{
    protected override AluChip CreateChip() => new LtChip();

    protected override Opcode[] Opcodes => [Opcode.Slt, Opcode.Sltu];

    protected override (int Column, uint Value, string Label) Corruption => (LtColumns.BTop, 7, "b top byte");

    [TestCase(Opcode.Slt, 0x8000_0000u, 0u, 1u)]
    [TestCase(Opcode.Sltu, 0x8000_0000u, 0u, 0u)]
    [TestCase(Opcode.Slt, 0xffff_ffffu, 0xffff_fffeu, 0u)]
    [TestCase(Opcode.Slt, 5u, 5u, 0u)]
    [TestCase(Opcode.Sltu, 0x1234_5600u, 0x1234_5601u, 1u)]
    public void TheResultColumnIsTheComparison(Opcode opcode, uint b, uint c, uint expected)
    {
        var chip = new LtChip();
        using var record = AluEventSamples.Record(AluEventSamples.Event(opcode, b, c));
        Assert.That(chip.GenerateHostMainTrace(record)[0, LtColumns.Result].Canonical, Is.EqualTo(expected));
        Assert.That(ChipHarness.Check(ChipHarness.Machine(chip), record).IsSatisfied, Is.True);
    }

    [Test]
    public void FlaggingALowerByteThanTheFirstDifferenceFails()
    {
        var chip = new LtChip();
        using var record = AluEventSamples.Record(AluEventSamples.Event(Opcode.Sltu, 0x0100_0000, 0x0000_0001));
        var report = ChipHarness.Check(ChipHarness.Machine(chip), record, traces =>
        {
            var trace = traces[chip.Name];
            ChipHarness.SetCell(trace, 0, LtColumns.ByteFlags + 3, 0);
            ChipHarness.SetCell(trace, 0, LtColumns.ByteFlags + 0, 1);
        });
        Assert.That(report.ConstraintFailures.Select(f => f.Label), Does.Contain("byte 3 equal above the first difference"));
    }
}
