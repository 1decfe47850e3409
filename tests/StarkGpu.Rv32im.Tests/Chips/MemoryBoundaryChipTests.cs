using StarkGpu.Engine.Checking;
using StarkGpu.Engine.Chips;
using StarkGpu.Engine.Machines;
using StarkGpu.Fields;
using StarkGpu.Rv32im.Chips;
using StarkGpu.Rv32im.Chips.ByteLookup;
using StarkGpu.Rv32im.Chips.Memory;
using StarkGpu.Rv32im.Elf;
using StarkGpu.Rv32im.Events;
using StarkGpu.Rv32im.Tests.Chips.Support;
using StarkGpu.Rv32im.Tests.Support;

namespace StarkGpu.Rv32im.Tests.Chips;

/// <summary>
/// MemoryInit, MemoryFinalize and MemoryProgram on hand-made boundaries: the address order, register x0's
/// initial value, zero rows, and the clear exceptions for records no trace can be made of.
/// </summary>
public sealed class MemoryBoundaryChipTests
{
    // Registers x0, x2 and data words; every address initialised and never accessed, so the global bus balances
    // with no MemoryLocal rows: each (address, 0, 0, value) sent by MemoryInit is received by MemoryFinalize.
    private static readonly (uint Address, uint Value)[] Words =
        [(0, 0), (2, 0), (0x100, 7), (0x104, 0x1234_5678), (0x2_0000, 0xffff_ffff), (0x7000_0000, 9), (0x77ff_fffc, 0x8000_0000)];

    [Test]
    public void ABalancedBoundarySatisfiesTheMachine()
    {
        using var record = Boundary(Words);
        var report = ChipHarness.Check(BoundaryMachine(), record);
        Assert.That(report.IsSatisfied, Is.True, report.ToString);
    }

    [Test]
    public void AllZeroRowsSatisfyEveryConstraint()
    {
        var report = ConstraintChecker.CheckZeroRows(MemoryHarness.Machine(LoadGuest("fibonacci")));
        Assert.That(report.IsSatisfied, Is.True, report.ToString);
    }

    [Test]
    public void ConstraintsHaveDegreeAtMostThree()
    {
        var machine = MemoryHarness.Machine(LoadGuest("fibonacci"));
        foreach (var name in new[] { MemoryInitChip.ChipName, MemoryFinalizeChip.ChipName, MemoryProgramChip.ChipName })
        {
            Assert.That(machine.Symbolic(name).MaxConstraintDegree, Is.InRange(1, 3), name);
        }
    }

    [Test]
    public void ARepeatedFinalizeAddressFailsTheOrder()
    {
        // Row 3 (0x104) becomes 0x100, row 2's address: row 2's comparison no longer holds.
        using var record = Boundary(Words);
        var report = ChipHarness.Check(BoundaryMachine(), record, traces =>
            ChipHarness.SetCell(traces[MemoryFinalizeChip.ChipName], 3, MemoryFinalizeColumns.Address, 0x00));
        Assert.That(
            report.ConstraintFailures.Select(f => (f.Chip, f.Row, f.Label)),
            Does.Contain((MemoryFinalizeChip.ChipName, 2L, "next_byte is the next row's flagged byte")),
            report.ToString);
    }

    [Test]
    public void AForgedRepeatedAddressIsCaughtByTheLessThanLookup()
    {
        // As above, with row 2's compared bytes made consistent: every constraint holds, but 0 < 0 is no table row.
        using var record = Boundary(Words);
        var order = new AddressOrder(MemoryFinalizeColumns.Address, MemoryFinalizeColumns.IsReal, MemoryFinalizeColumns.Order);
        var report = ChipHarness.Check(BoundaryMachine(), record, traces =>
        {
            ChipHarness.SetCell(traces[MemoryFinalizeChip.ChipName], 3, MemoryFinalizeColumns.Address, 0x00);
            ChipHarness.SetCell(traces[MemoryFinalizeChip.ChipName], 2, order.NextByte, 0x00);
        });
        Assert.That(report.ConstraintFailureCount, Is.Zero, report.ToString);
        KoalaBear[] lessThan = [KoalaBear.FromCanonical((uint)ByteOpcode.Ltu), KoalaBear.One, KoalaBear.Zero, KoalaBear.Zero];
        Assert.That(
            report.BusImbalances.Where(i => i.Bus == Rv32imBuses.Byte).Select(i => i.Tuple.ToArray()),
            Has.Some.EqualTo(lessThan),
            report.ToString);
    }

    [Test]
    public void APaddingRowAmongRealRowsFails()
    {
        using var record = Boundary(Words);
        var report = ChipHarness.Check(BoundaryMachine(), record, traces =>
            ChipHarness.SetCell(traces[MemoryInitChip.ChipName], 1, MemoryInitColumns.IsReal, 0));
        Assert.That(
            report.ConstraintFailures.Select(f => (f.Chip, f.Row, f.Label)),
            Does.Contain((MemoryInitChip.ChipName, 1L, "real rows come first")),
            report.ToString);
    }

    [Test]
    public void RegisterX0MustStartAtZero()
    {
        // Balanced on every bus (x0 starts and ends at 5): only the x0 constraint notices.
        using var record = Boundary([(0, 5), .. Words[1..]]);
        var report = ChipHarness.Check(BoundaryMachine(), record);
        Assert.That(report.BusImbalanceCount, Is.Zero, report.ToString);
        Assert.That(
            report.ConstraintFailures.Select(f => (f.Chip, f.Row, f.Label)),
            Does.Contain((MemoryInitChip.ChipName, 0L, "x0 starts at 0 (byte 0)")),
            report.ToString);
    }

    [Test]
    public void TheX0FlagCannotBeDropped()
    {
        using var record = Boundary(Words);
        var report = ChipHarness.Check(BoundaryMachine(), record, traces =>
            ChipHarness.SetCell(traces[MemoryInitChip.ChipName], 0, MemoryInitColumns.IsX0, 0));
        Assert.That(
            report.ConstraintFailures.Select(f => (f.Chip, f.Row, f.Label)),
            Does.Contain((MemoryInitChip.ChipName, 0L, "is_x0 = is_real - limb sum * inverse")),
            report.ToString);
    }

    [Test]
    public void AnInitValueLimbAboveAByteUnbalancesTheByteBus()
    {
        // The prover chooses initial values: a limb that is no byte must fail its range check.
        using var record = Boundary(Words);
        var report = ChipHarness.Check(BoundaryMachine(), record, traces =>
            ChipHarness.SetCell(traces[MemoryInitChip.ChipName], 3, MemoryInitColumns.Value, 0x178));
        Assert.That(report.BusImbalances.Select(i => i.Bus), Does.Contain(Rv32imBuses.Byte), report.ToString);
    }

    [Test]
    public void UnsortedBoundaryEventsThrowNamingChipAndRow()
    {
        using var record = Boundary([(0x100, 1), (0x104, 2), (0x104, 3)]);
        var error = Assert.Throws<MemoryEventsException>(() => new MemoryFinalizeChip().GenerateHostMainTrace(record));
        Assert.That(error!.Message, Does.Contain("chip MemoryFinalize").And.Contain("row 1").And.Contain("strictly increase"));
        var counted = Assert.Throws<MemoryEventsException>(() => new ByteLookupChip([new MemoryInitChip()]).GenerateHostMainTrace(record));
        Assert.That(counted!.Message, Does.Contain("chip MemoryInit").And.Contain("row 1"));
    }

    [Test]
    public void AnAddressPastTheAddressSpaceThrows()
    {
        using var record = Boundary([(0x100, 1), (AddressSpace.Limit, 2)]);
        var error = Assert.Throws<MemoryEventsException>(() => new MemoryInitChip().GenerateHostMainTrace(record));
        Assert.That(error!.Message, Does.Contain("chip MemoryInit").And.Contain("row 1").And.Contain("address space limit"));
    }

    [Test]
    public void MemoryProgramIsRealOnlyInTheBoundaryShard()
    {
        var (program, result) = MemoryHarness.Run("fibonacci");
        using var run = result;
        var chip = new MemoryProgramChip(program);
        Assert.That(program.Image.Length, Is.Positive);
        Assert.That(result.Shards.Select(chip.Included), Is.EqualTo(result.Shards.Select((_, i) => i == result.Shards.Count - 1)));
        var main = chip.GenerateHostMainTrace(result.Shards[^1]);
        Assert.That(main.Height, Is.EqualTo(program.Image.Length));
        Assert.That(main.Values, Has.All.EqualTo(KoalaBear.One));
        var preprocessed = chip.GenerateHostPreprocessedTrace(program);
        Assert.That(preprocessed.Height, Is.EqualTo(chip.PreprocessedHeight(program)));
        var last = program.Image[^1];
        Assert.That(preprocessed[program.Image.Length - 1, MemoryProgramColumns.Address], Is.EqualTo(KoalaBear.FromCanonical(last.Address)));
        Assert.That(preprocessed[program.Image.Length - 1, MemoryProgramColumns.Value], Is.EqualTo(KoalaBear.FromCanonical(last.Value & 0xff)));
    }

    [Test]
    public void MemoryProgramRejectsTheBoundaryOfAnotherProgram()
    {
        var (_, result) = MemoryHarness.Run("fibonacci");
        using var run = result;
        var other = LoadGuest("sort");
        var chip = new MemoryProgramChip(other);
        var error = Assert.Throws<MemoryEventsException>(() => chip.GenerateHostMainTrace(result.Shards[^1]));
        Assert.That(error!.Message, Does.Contain("chip MemoryProgram").And.Contain("not from this chip's program"));
        Assert.That(error.ChipName, Is.EqualTo(MemoryProgramChip.ChipName));
        Assert.Throws<ArgumentException>(() => chip.GenerateHostPreprocessedTrace(LoadGuest("fibonacci")));
    }

    [Test]
    public void MemoryProgramRejectsAChangedUntouchedImageWordOrAnInitialisedImageWord()
    {
        var program = LoadGuest("fibonacci");
        var word = program.Image[0];
        var chip = new MemoryProgramChip(program);
        var finals = program.Image.ToArray().Select(w => new MemoryFinalizeEvent { Address = w.Address, Value = w.Value }).ToArray();

        finals[0].Value ^= 1;
        using (var changed = MemoryHarness.BoundaryRecord(3, [], finals))
        {
            var error = Assert.Throws<MemoryEventsException>(() => chip.GenerateHostMainTrace(changed));
            Assert.That(error!.Message, Does.Contain($"0x{word.Address:x8}").And.Contain("never accessed"));
        }

        finals[0].Value ^= 1;
        using var initialised = MemoryHarness.BoundaryRecord(3, [new MemoryInitializeEvent { Address = word.Address, Value = word.Value }], finals);
        var twice = Assert.Throws<MemoryEventsException>(() => chip.GenerateHostMainTrace(initialised));
        Assert.That(twice!.Message, Does.Contain("also has a MemoryInit event").And.Contain("shard 3"));
    }

    private static Program LoadGuest(string name) => ElfLoader.LoadFile(RepoPaths.GuestElf(name));

    private static Machine<ExecutionRecord, Program> BoundaryMachine()
    {
        var init = new MemoryInitChip();
        var finalize = new MemoryFinalizeChip();
        Chip<ExecutionRecord, Program>[] chips = [init, finalize, new ByteLookupChip([init, finalize])];
        return new Machine<ExecutionRecord, Program>(chips, [new Cluster("all", chips.Select(c => c.Name))]);
    }

    // Each word initialised to its value and finalised untouched at (0, 0, value).
    private static ExecutionRecord Boundary((uint Address, uint Value)[] words) =>
        MemoryHarness.BoundaryRecord(
            1,
            [.. words.Select(w => new MemoryInitializeEvent { Address = w.Address, Value = w.Value })],
            [.. words.Select(w => new MemoryFinalizeEvent { Address = w.Address, Value = w.Value })]);
}
