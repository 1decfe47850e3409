using StarkGpu.Engine.Checking;
using StarkGpu.Engine.Chips;
using StarkGpu.Engine.Machines;
using StarkGpu.Rv32im.Chips;
using StarkGpu.Rv32im.Chips.Cpu;
using StarkGpu.Rv32im.Chips.ProgramTable;
using StarkGpu.Rv32im.Chips.Syscall;
using StarkGpu.Rv32im.Elf;
using StarkGpu.Rv32im.Events;
using StarkGpu.Rv32im.Execution;
using StarkGpu.Rv32im.Tests.Support;

namespace StarkGpu.Rv32im.Tests.Chips;

public sealed class ProgramCpuScratchTests
{
    [TestCase("fibonacci")]
    [TestCase("hints")]
    [TestCase("insn_test")]
    public void Scratch(string guest)
    {
        var program = ElfLoader.LoadFile(RepoPaths.GuestElf(guest));
        byte[][] hints = [[1, 0, 0, 0, 2, 0, 0, 0, 3, 0, 0, 0], [100, 0, 0, 0, 200, 0, 0, 0, 44, 1, 0, 0, 144, 1, 0, 0, 5, 0, 0, 0]];
        using var result = Executor.Execute(program, new ExecutionOptions { Mode = ExecutionMode.Recording, ShardSize = 1 << 6, Hints = hints });
        Chip<ExecutionRecord, Program>[] chips = [new CpuChip(), new ProgramChip(program), new SyscallChip()];
        var machine = new Machine<ExecutionRecord, Program>(chips, [new Cluster("all", chips.Select(c => c.Name))]);
        var report = ConstraintChecker.CheckRecords(machine, program, result.Shards.Take(400), new CheckOptions());
        var mine = report.BusImbalances.Where(b => b.Bus == Rv32imBuses.Program || b.Bus == Rv32imBuses.Syscall).ToList();
        TestContext.Out.WriteLine($"{guest}: {result.Shards.Count} shards; buses imbalanced: {string.Join(", ", report.BusImbalances.Select(b => b.Bus.Name).Distinct())}; failures {report.ConstraintFailureCount}");
        Assert.That(mine, Is.Empty, string.Join("\n", mine));
    }
}
