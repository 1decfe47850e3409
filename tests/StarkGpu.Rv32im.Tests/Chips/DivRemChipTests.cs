using StarkGpu.Rv32im.Chips.Alu;
using StarkGpu.Rv32im.Chips.Alu.Shared;
using StarkGpu.Rv32im.Isa;
using StarkGpu.Rv32im.Tests.Chips.Support;

namespace StarkGpu.Rv32im.Tests.Chips;

public sealed class DivRemChipTests : AluChipContract
{
    protected override AluChip CreateChip() => new DivRemChip();

    protected override Opcode[] Opcodes => [Opcode.Div, Opcode.Divu, Opcode.Rem, Opcode.Remu];

    protected override (int Column, uint Value, string Label) Corruption => (DivRemColumns.CIsZero, 1, "c[0] = 0 when c is flagged zero");

    [TestCase(Opcode.Div, 7u, 0u, 0xffff_ffffu)]
    [TestCase(Opcode.Divu, 7u, 0u, 0xffff_ffffu)]
    [TestCase(Opcode.Rem, 0x8000_0007u, 0u, 0x8000_0007u)]
    [TestCase(Opcode.Remu, 7u, 0u, 7u)]
    [TestCase(Opcode.Div, 0x8000_0000u, 0xffff_ffffu, 0x8000_0000u)]
    [TestCase(Opcode.Rem, 0x8000_0000u, 0xffff_ffffu, 0u)]
    [TestCase(Opcode.Div, 0xffff_fff9u, 2u, 0xffff_fffdu)]
    [TestCase(Opcode.Rem, 0xffff_fff9u, 2u, 0xffff_ffffu)]
    [TestCase(Opcode.Rem, 7u, 0xffff_fffeu, 1u)]
    [TestCase(Opcode.Div, 0x8000_0000u, 0x8000_0000u, 1u)]
    [TestCase(Opcode.Rem, 0x8000_0000u, 0x7fff_ffffu, 0xffff_ffffu)]
    [TestCase(Opcode.Divu, 0xffff_ffffu, 0x8000_0000u, 1u)]
    [TestCase(Opcode.Remu, 0xffff_ffffu, 0x8000_0000u, 0x7fff_ffffu)]
    public void DividesPerTheRiscVSpecification(Opcode opcode, uint b, uint c, uint expected)
    {
        var alu = AluEventSamples.Event(opcode, b, c);
        Assert.That(alu.A, Is.EqualTo(expected));
        var report = CheckOneEvent(alu);
        Assert.That(report.IsSatisfied, Is.True, report.ToString);
    }

    [Test]
    public void AQuotientOffByOneFails()
    {
        var wrong = AluEventSamples.Event(Opcode.Divu, 100, 7);
        wrong.A = 15;
        var report = CheckOneEvent(wrong);
        Assert.That(report.ConstraintFailures.Select(f => f.Label), Does.Contain("a[0] is q or r by opcode"));
    }

    [Test]
    public void ARemainderNotBelowTheDivisorFails()
    {
        // 100 = 7 * 13 + 9: the product holds, but 9 >= 7 leaves no difference word.
        var chip = new DivRemChip();
        using var record = AluEventSamples.Record(AluEventSamples.Event(Opcode.Divu, 100, 7));
        var report = ChipHarness.Check(ChipHarness.Machine(chip), record, traces =>
        {
            var trace = traces[chip.Name];
            ChipHarness.SetCell(trace, 0, DivRemColumns.A, 13);
            ChipHarness.SetCell(trace, 0, DivRemColumns.Quotient, 13);
            ChipHarness.SetCell(trace, 0, DivRemColumns.Remainder, 9);
            ChipHarness.SetCell(trace, 0, DivRemColumns.AbsR, 9);
        });
        Assert.That(report.ConstraintFailures.Select(f => f.Label), Does.Contain("limb 0: |r| + 1 + d = |c| when c != 0"));
    }

    [Test]
    public void TheOverflowFlagIsRejectedOutsideIntMinByMinusOne()
    {
        var chip = new DivRemChip();
        using var record = AluEventSamples.Record(AluEventSamples.Event(Opcode.Div, 0x8000_0001, 0xffff_ffff));
        var report = ChipHarness.Check(ChipHarness.Machine(chip), record, traces => ChipHarness.SetCell(traces[chip.Name], 0, DivRemColumns.IsOverflow, 1));
        Assert.That(report.ConstraintFailures.Select(f => f.Label), Does.Contain("overflow only for b = INT_MIN"));
    }


    [Test]
    public void ARemainderWithTheDivisorsSignInsteadOfTheDividendsFails()
    {
        // -7 = 2 * -4 + 1 holds and |1| < |2|, but REM's remainder takes the dividend's sign: -7 % 2 = -1.
        var chip = new DivRemChip();
        using var record = AluEventSamples.Record(AluEventSamples.Event(Opcode.Rem, 0xffff_fff9, 2));
        var report = ChipHarness.Check(ChipHarness.Machine(chip), record, traces =>
        {
            var trace = traces[chip.Name];
            for (var i = 0; i < 4; i++)
            {
                ChipHarness.SetCell(trace, 0, DivRemColumns.A + i, i == 0 ? 1u : 0u);
                ChipHarness.SetCell(trace, 0, DivRemColumns.Remainder + i, i == 0 ? 1u : 0u);
                ChipHarness.SetCell(trace, 0, DivRemColumns.Quotient + i, i == 0 ? 0xfcu : 0xffu);
                ChipHarness.SetCell(trace, 0, DivRemColumns.AbsR + i, i == 0 ? 1u : 0u);
            }

            ChipHarness.SetCell(trace, 0, DivRemColumns.RNeg, 0);
        });
        Assert.That(report.ConstraintFailures.Select(f => f.Label), Does.Contain("limb 0: r + |r| = 0 mod 2^32 when b < 0"));
    }
}
