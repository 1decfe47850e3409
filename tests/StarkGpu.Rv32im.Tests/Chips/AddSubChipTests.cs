using StarkGpu.Rv32im.Chips.Alu;
using StarkGpu.Rv32im.Chips.Alu.Shared;
using StarkGpu.Rv32im.Isa;
using StarkGpu.Rv32im.Tests.Chips.Support;

namespace StarkGpu.Rv32im.Tests.Chips;

public sealed class AddSubChipTests : AluChipContract
{
    protected override AluChip CreateChip() => new AddSubChip();

    protected override Opcode[] Opcodes => [Opcode.Add, Opcode.Sub];

    protected override (int Column, uint Value, string Label) Corruption => (AddSubColumns.Carry + 1, 2, "carry 1 is boolean");

    [Test]
    public void OverflowAndBorrowWrapModuloTwoToThe32()
    {
        var chip = new AddSubChip();
        using var record = AluEventSamples.Record(
            AluEventSamples.Event(Opcode.Add, 0xffff_ffff, 1),
            AluEventSamples.Event(Opcode.Sub, 0, 1),
            AluEventSamples.Event(Opcode.Add, 0x8000_0000, 0x8000_0000));
        var trace = chip.GenerateHostMainTrace(record);
        Assert.That(Enumerable.Range(0, 4).Select(i => trace[0, AddSubColumns.Carry + i].Canonical), Is.EqualTo(new uint[] { 1, 1, 1, 1 }));
        Assert.That(Enumerable.Range(0, 4).Select(i => trace[0, AddSubColumns.A + i].Canonical), Is.EqualTo(new uint[] { 0, 0, 0, 0 }));
        // 0 - 1 = 0xffffffff: proven as 0xffffffff + 1 = 0 with every carry set.
        Assert.That(Enumerable.Range(0, 4).Select(i => trace[1, AddSubColumns.Carry + i].Canonical), Is.EqualTo(new uint[] { 1, 1, 1, 1 }));
        Assert.That(ChipHarness.Check(ChipHarness.Machine(chip), record).IsSatisfied, Is.True);
    }

    [Test]
    public void AnAddClaimedAsSubFailsTheSums()
    {
        var chip = new AddSubChip();
        using var record = AluEventSamples.Record(AluEventSamples.Event(Opcode.Add, 5, 3));
        var report = ChipHarness.Check(ChipHarness.Machine(chip), record, traces =>
        {
            ChipHarness.SetCell(traces[chip.Name], 0, AddSubColumns.IsAdd, 0);
            ChipHarness.SetCell(traces[chip.Name], 0, AddSubColumns.IsSub, 1);
        });
        Assert.That(report.ConstraintFailures.Select(f => f.Label), Does.Contain("byte 0 adds up"));
    }
}
