using StarkGpu.Rv32im.Chips;
using StarkGpu.Rv32im.Chips.Alu;
using StarkGpu.Rv32im.Chips.Alu.Shared;
using StarkGpu.Rv32im.Isa;
using StarkGpu.Rv32im.Tests.Chips.Support;

namespace StarkGpu.Rv32im.Tests.Chips;

public sealed class BitwiseChipTests : AluChipContract
{
    protected override AluChip CreateChip() => new BitwiseChip();

    protected override Opcode[] Opcodes => [Opcode.Xor, Opcode.Or, Opcode.And];

    protected override (int Column, uint Value, string Label) Corruption => (BitwiseColumns.IsOr, 2, "is_or is boolean");

    [Test]
    public void AWrongResultLimbIsCaughtByTheByteLookup()
    {
        var chip = new BitwiseChip();
        using var record = AluEventSamples.Record(AluEventSamples.Event(Opcode.Xor, 0xf0f0_f0f0, 0x0ff0_0ff0));
        // Both the row and the sender agree on a wrong limb: only the byte table can tell.
        var report = ChipHarness.Check(ChipHarness.Machine(chip), record, traces =>
        {
            ChipHarness.SetCell(traces[chip.Name], 0, BitwiseColumns.A + 2, 0x01);
            ChipHarness.SetCell(traces["AluSender"], 0, AluSenderChip.A + 2, 0x01);
        });
        Assert.That(report.ConstraintFailureCount, Is.Zero);
        Assert.That(report.BusImbalances.Select(i => i.Bus).Distinct(), Is.EqualTo(new[] { Rv32imBuses.Byte }));
    }
}
