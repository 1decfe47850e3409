using StarkGpu.Rv32im.Chips;
using StarkGpu.Rv32im.Chips.Cpu;
using StarkGpu.Rv32im.Tests.Chips.Support;

namespace StarkGpu.Rv32im.Tests.Chips;

/// <summary>
/// The Cpu chip's constraints and interactions on real executions: with the ALU chips and ByteLookup every
/// constraint holds and the alu and byte buses balance; with stand-ins for the Program, MemoryLocal and Syscall
/// chips (built from the program and the record), every bus balances, so the Cpu's program, memory and syscall
/// tuples are exactly what those chips will see.
/// </summary>
public sealed class CpuConstraintTests
{
    [TestCaseSource(typeof(CpuRecords), nameof(CpuRecords.AllGuests))]
    public void ConstraintsHoldAndTheAluAndByteBusesBalanceOnAGuest(string guest)
    {
        var machine = CpuMachines.CpuAndAlu();
        using var result = CpuRecords.RunGuest(guest);
        foreach (var record in CpuRecords.SampleShards(result))
        {
            var report = ChipHarness.Check(machine, record);
            Assert.That(report.ConstraintFailures, Is.Empty, () => $"shard {record.Shard}: {report}");
            Assert.That(CpuMachines.BalancedBusImbalances(report), Is.Empty, () => $"shard {record.Shard}: {report}");
        }
    }

    [TestCaseSource(typeof(CpuRecords), nameof(CpuRecords.AllGuests))]
    public void EveryBusBalancesWithStandInsForTheOtherChipsOnAGuest(string guest)
    {
        var machine = CpuMachines.Complete(CpuRecords.Guest(guest));
        using var result = CpuRecords.RunGuest(guest);
        foreach (var record in CpuRecords.SampleShards(result))
        {
            var report = ChipHarness.Check(machine, record);
            Assert.That(report.IsSatisfied, Is.True, () => $"shard {record.Shard}: {report}");
        }
    }

    [TestCase(1)]
    [TestCase(4)]
    [TestCase(1000)]
    public void EveryBusBalancesOnAHandWrittenProgram(int shardSize)
    {
        var program = CpuRecords.HandWritten();
        var machine = CpuMachines.Complete(program);
        using var result = CpuRecords.Run(program, shardSize);
        Assert.That(result.ExitCode, Is.Zero);
        foreach (var record in result.Shards)
        {
            var report = ChipHarness.Check(machine, record);
            Assert.That(report.IsSatisfied, Is.True, () => $"shard {record.Shard}: {report}");
        }
    }

    [Test]
    public void WithoutTheOtherChipsOnlyTheirBusesAreUnbalanced()
    {
        using var result = CpuRecords.Run(CpuRecords.HandWritten(), shardSize: 1000);
        var report = ChipHarness.Check(CpuMachines.CpuAndAlu(), result.Shards[0]);
        Assert.That(report.ConstraintFailures, Is.Empty, report.ToString);
        Assert.That(
            report.BusImbalances.Select(i => i.Bus).Distinct(),
            Is.EquivalentTo(new[] { Rv32imBuses.Program, Rv32imBuses.Memory, Rv32imBuses.Syscall }),
            "the Cpu drives these buses and nothing receives them here");
    }

    [Test]
    public void TheCpuSendsOnEveryBusOfTheContract()
    {
        var buses = CpuMachines.CpuAndAlu().Symbolic(CpuChip.ChipName).Buses;
        Assert.That(
            buses,
            Is.EqualTo(new[] { Rv32imBuses.Program, Rv32imBuses.Alu, Rv32imBuses.Byte, Rv32imBuses.Memory, Rv32imBuses.Syscall }));
    }
}
