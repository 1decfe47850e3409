using StarkGpu.Engine.Checking;
using StarkGpu.Engine.Chips;
using StarkGpu.Engine.Machines;
using StarkGpu.Rv32im.Chips.ProgramTable;
using StarkGpu.Rv32im.Chips.Syscall;
using StarkGpu.Rv32im.Elf;
using StarkGpu.Rv32im.Events;

namespace StarkGpu.Rv32im.Tests.Chips.Support;

/// <summary>
/// A tiny machine for the Program and Syscall chips: each with its test-only sender (<see cref="ProgramSenderChip"/>,
/// <see cref="SyscallSenderChip"/>) standing in for the Cpu chip, in one cluster.
/// </summary>
public static class ProgramSyscallHarness
{
    public static Machine<ExecutionRecord, Program> Machine(Program program)
    {
        Chip<ExecutionRecord, Program>[] chips = [new ProgramChip(program), new ProgramSenderChip(), new SyscallChip(), new SyscallSenderChip()];
        return new Machine<ExecutionRecord, Program>(chips, [new Cluster("all", chips.Select(c => c.Name))]);
    }

    /// <summary>
    /// Checks the host traces of one record in <paramref name="machine"/> after <paramref name="corrupt"/> edits the
    /// main traces (by chip name) and the preprocessed ones (by chip name), each chip padded to its own power of two.
    /// </summary>
    public static CheckReport Check(
        Machine<ExecutionRecord, Program> machine,
        Program program,
        ExecutionRecord record,
        Action<IReadOnlyDictionary<string, HostTrace>, IReadOnlyDictionary<string, HostTrace>>? corrupt = null)
    {
        var main = machine.Chips.Where(c => c.Included(record)).ToDictionary(c => c.Name, c => c.GenerateHostMainTrace(record), StringComparer.Ordinal);
        var preprocessed = machine.Chips.Where(c => c.PreprocessedWidth > 0)
            .ToDictionary(c => c.Name, c => c.GenerateHostPreprocessedTrace(program), StringComparer.Ordinal);
        corrupt?.Invoke(main, preprocessed);
        return ConstraintChecker.Check(machine, preprocessed, [new ShardTraces((int)record.Shard, main, PublicValues: record.PublicValueElements())]);
    }
}
