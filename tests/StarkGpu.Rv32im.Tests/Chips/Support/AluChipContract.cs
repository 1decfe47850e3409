using StarkGpu.Device.Cpu;
using StarkGpu.Engine.Checking;
using StarkGpu.Rv32im.Chips;
using StarkGpu.Rv32im.Chips.Alu.Shared;
using StarkGpu.Rv32im.Chips.ByteLookup;
using StarkGpu.Rv32im.Events;
using StarkGpu.Rv32im.Isa;

namespace StarkGpu.Rv32im.Tests.Chips.Support;

/// <summary>
/// What every ALU chip must do, run once per chip: host and device traces equal, constraints hold and buses
/// balance on seeded and edge-case events, all-zero rows are harmless, corruptions are caught and named.
/// </summary>
public abstract class AluChipContract
{
    private const int Seed = 20_240_601;

    /// <summary>A fresh instance of the chip under test.</summary>
    protected abstract AluChip CreateChip();

    /// <summary>The opcodes the chip proves.</summary>
    protected abstract Opcode[] Opcodes { get; }

    /// <summary>A cell to set on row 3 of the chip's trace, and the label of a constraint that must then fail.</summary>
    protected abstract (int Column, uint Value, string Label) Corruption { get; }

    // The CPU accelerator with 2 and 4 worker threads: the rows are split into chunks differently.
    [Test]
    public void HostTraceEqualsDeviceTraceBitForBit([Values(2, 4)] int threads)
    {
        var chip = CreateChip();
        using var record = AluEventSamples.Record(AluEventSamples.Create(Seed, 3000, Opcodes));
        ChipHarness.AssertHostEqualsDevice(chip, record, row => chip.DescribeRow(record, row), threads);
    }

    [Test]
    public void ConstraintsHoldAndBusesBalance()
    {
        var chip = CreateChip();
        using var record = AluEventSamples.Record(AluEventSamples.Create(Seed + 1, 500, Opcodes));
        var report = ChipHarness.Check(ChipHarness.Machine(chip), record);
        Assert.That(report.IsSatisfied, Is.True, report.ToString);
    }

    [Test]
    public void EachOpcodeAloneSatisfiesTheMachine()
    {
        foreach (var opcode in Opcodes)
        {
            using var record = AluEventSamples.Record(AluEventSamples.Create(Seed + 2, 50, opcode));
            var report = ChipHarness.Check(ChipHarness.Machine(CreateChip()), record);
            Assert.That(report.IsSatisfied, Is.True, () => $"{opcode}: {report}");
        }
    }

    [Test]
    public void AllZeroRowsSatisfyEveryConstraint()
    {
        var report = ConstraintChecker.CheckZeroRows(ChipHarness.Machine(CreateChip()));
        Assert.That(report.IsSatisfied, Is.True, report.ToString);
    }

    [Test]
    public void ConstraintsHaveDegreeAtMostThree()
    {
        var chip = CreateChip();
        var degree = ChipHarness.Machine(chip).Symbolic(chip.Name).MaxConstraintDegree;
        Assert.That(degree, Is.InRange(1, 3));
    }

    [Test]
    public void ACorruptedCellFailsNamingTheChipAndConstraint()
    {
        var chip = CreateChip();
        var (column, value, label) = Corruption;
        using var record = AluEventSamples.Record(AluEventSamples.Create(Seed + 3, 20, Opcodes));
        var report = ChipHarness.Check(ChipHarness.Machine(chip), record, traces => ChipHarness.SetCell(traces[chip.Name], 3, column, value));
        Assert.That(report.IsSatisfied, Is.False);
        Assert.That(
            report.ConstraintFailures.Select(f => (f.Chip, f.Row, f.Label)),
            Does.Contain((chip.Name, 3L, label)),
            report.ToString);
    }

    [Test]
    public void AWrongResultFromTheSenderUnbalancesTheAluBus()
    {
        var chip = CreateChip();
        using var record = AluEventSamples.Record(AluEventSamples.Create(Seed + 4, 20, Opcodes));
        var report = ChipHarness.Check(
            ChipHarness.Machine(chip), record, traces => ChipHarness.SetCell(traces["AluSender"], 0, AluSenderChip.A + 1, 0x77));
        Assert.That(report.ConstraintFailureCount, Is.Zero, report.ToString);
        Assert.That(report.BusImbalances, Is.Not.Empty);
        Assert.That(report.BusImbalances.Select(i => i.Bus), Has.All.EqualTo(Rv32imBuses.Alu));
    }

    [Test]
    public void EveryEventIsOneRow()
    {
        var chip = CreateChip();
        using var record = AluEventSamples.Record(AluEventSamples.Create(Seed + 5, 7, Opcodes));
        Assert.That(chip.MainHeight(record), Is.EqualTo((Opcodes.Length * AluEventSamples.EdgeValues.Length * AluEventSamples.EdgeValues.Length) + 7));
        Assert.That(chip.Included(record), Is.True);
        using var empty = AluEventSamples.Record();
        Assert.That(chip.Included(empty), Is.False);
    }

    [Test]
    public void ByteLookupsCountedByTheKernelEqualTheHostCount()
    {
        using var record = AluEventSamples.Record(AluEventSamples.Create(Seed + 6, 2000, Opcodes));
        ChipHarness.AssertHostEqualsDevice(new ByteLookupChip([CreateChip()]), record);
    }

    /// <summary>Checks a machine of the chip under test on a record of the one event <paramref name="alu"/>.</summary>
    protected CheckReport CheckOneEvent(AluEvent alu)
    {
        using var record = AluEventSamples.Record(alu);
        return ChipHarness.Check(ChipHarness.Machine(CreateChip()), record);
    }
}
