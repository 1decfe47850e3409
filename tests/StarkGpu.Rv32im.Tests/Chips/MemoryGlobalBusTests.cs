using StarkGpu.Engine.Air;
using StarkGpu.Engine.Checking;
using StarkGpu.Engine.Chips;
using StarkGpu.Fields;
using StarkGpu.Rv32im.Chips;
using StarkGpu.Rv32im.Chips.Memory;
using StarkGpu.Rv32im.Elf;
using StarkGpu.Rv32im.Events;
using StarkGpu.Rv32im.Tests.Chips.Support;
using StarkGpu.Rv32im.Tests.Support;

namespace StarkGpu.Rv32im.Tests.Chips;

/// <summary>
/// The memory chips on every shard of real guests: the global memory bus balances across shards (and the byte
/// bus in the boundary shard), and with a stand-in for the Cpu chip's accesses every bus balances; a changed final
/// state or a dropped image row unbalances the global bus, naming who sent and received the tuple.
/// </summary>
public sealed class MemoryGlobalBusTests
{
    private const string Guest = "fibonacci";

    [TestCaseSource(typeof(MemoryHarness), nameof(MemoryHarness.Programs))]
    public void TheGlobalMemoryAndByteBusesBalanceAcrossAllShards(string guest)
    {
        var (program, result) = MemoryHarness.Run(guest);
        using var run = result;
        var report = ConstraintChecker.CheckRecords(MemoryHarness.Machine(program), program, result.Shards);

        Assert.That(result.Shards, Has.Count.GreaterThan(1));
        Assert.That(result.Shards[^1].MemoryFinalize.Count, Is.Positive);
        Assert.That(report.ConstraintFailureCount, Is.Zero, report.ToString);
        Assert.That(MemoryHarness.ImbalancesBesidesLocalMemory(report), Is.Empty, report.ToString);

        // What is filtered out is only the local bus, whose other half (the Cpu accesses) is not in this machine.
        Assert.That(report.BusImbalances.Select(i => i.Bus).Distinct(), Is.EqualTo(new[] { Rv32imBuses.Memory }));
    }

    [TestCaseSource(typeof(MemoryHarness), nameof(MemoryHarness.Programs))]
    public void WithTheCpuAccessesStubbedEveryBusBalances(string guest)
    {
        var (program, result) = MemoryHarness.Run(guest);
        using var run = result;
        var report = ConstraintChecker.CheckRecords(MemoryHarness.Machine(program, withAccessStub: true), program, result.Shards);
        Assert.That(report.IsSatisfied, Is.True, report.ToString);
    }

    [Test]
    public void AChangedFinalizeValueUnbalancesTheGlobalBus()
    {
        var report = CheckCorrupted((record, traces) =>
        {
            if (record.MemoryFinalize.Count > 0)
            {
                Bump(traces[MemoryFinalizeChip.ChipName], 0, MemoryFinalizeColumns.Value);
            }
        });
        AssertGlobalImbalanceNaming(report, MemoryFinalizeChip.ChipName);
    }

    [Test]
    public void AChangedMemoryLocalFinalValueUnbalancesTheGlobalBus()
    {
        var report = CheckCorrupted((record, traces) =>
        {
            if (record.Shard == 1)
            {
                Bump(traces[MemoryLocalChip.ChipName], 5, MemoryLocalColumns.FinalValue + 1);
            }
        });
        AssertGlobalImbalanceNaming(report, MemoryLocalChip.ChipName);
    }

    [Test]
    public void AChangedMemoryInitValueUnbalancesTheGlobalBus()
    {
        var report = CheckCorrupted((record, traces) =>
        {
            if (record.MemoryInitialize.Count > 0)
            {
                Bump(traces[MemoryInitChip.ChipName], 2, MemoryInitColumns.Value);
            }
        });
        AssertGlobalImbalanceNaming(report, MemoryInitChip.ChipName);
    }

    [Test]
    public void ADroppedMemoryProgramRowFailsItsConstraintAndUnbalancesTheGlobalBus()
    {
        var report = CheckCorrupted((record, traces) =>
        {
            if (record.MemoryFinalize.Count > 0)
            {
                ChipHarness.SetCell(traces[MemoryProgramChip.ChipName], 7, MemoryProgramColumns.IsReal, 0);
            }
        });
        Assert.That(
            report.ConstraintFailures.Select(f => (f.Chip, f.Row, f.Label)),
            Is.EqualTo(new[] { (MemoryProgramChip.ChipName, 7L, "is_real = is_image * is_last_shard") }),
            report.ToString);
        var global = report.BusImbalances.Where(i => i.Bus == Rv32imBuses.MemoryGlobal).ToArray();
        Assert.That(global, Has.Length.EqualTo(1), report.ToString);

        // The image word's initial state is still taken (by its first access or its finalize row), never given.
        var program = ElfLoader.LoadFile(RepoPaths.GuestElf(Guest));
        Assert.That(global[0].Tuple[0], Is.EqualTo(KoalaBear.FromCanonical(program.Image[7].Address)), report.ToString);
        Assert.That(global[0].Net, Is.EqualTo(-KoalaBear.One), report.ToString);
        Assert.That(global[0].Contributions.Select(c => c.Kind), Has.All.EqualTo(InteractionKind.Receive), report.ToString);
    }

    private static CheckReport CheckCorrupted(Action<ExecutionRecord, IReadOnlyDictionary<string, HostTrace>> corrupt)
    {
        var (program, result) = MemoryHarness.Run(Guest);
        using var run = result;
        var machine = MemoryHarness.Machine(program, withAccessStub: true);
        var clean = MemoryHarness.Check(machine, program, result.Shards);
        Assert.That(clean.IsSatisfied, Is.True, clean.ToString);
        return MemoryHarness.Check(machine, program, result.Shards, corrupt);
    }

    // The global bus no longer balances, and the report lists a contribution by the named chip.
    private static void AssertGlobalImbalanceNaming(CheckReport report, string chip)
    {
        var global = report.BusImbalances.Where(i => i.Bus == Rv32imBuses.MemoryGlobal).ToArray();
        Assert.That(global, Is.Not.Empty, report.ToString);
        Assert.That(global.All(i => i.ShardIndex is null), Is.True, "the global bus balances across shards");
        Assert.That(global.SelectMany(i => i.Contributions).Select(c => c.Chip), Does.Contain(chip), report.ToString);
    }

    // Changes a byte limb to another byte, so only the buses can notice.
    private static void Bump(HostTrace trace, int row, int column)
    {
        var value = trace[row, column].Canonical;
        ChipHarness.SetCell(trace, row, column, (value + 1) & 0xff);
    }
}
