using StarkGpu.Engine.Air;
using StarkGpu.Engine.Chips;
using StarkGpu.Engine.Machines;
using StarkGpu.Rv32im.Chips.Alu;
using StarkGpu.Rv32im.Chips.ByteLookup;
using StarkGpu.Rv32im.Chips.Cpu;
using StarkGpu.Rv32im.Chips.Memory;
using StarkGpu.Rv32im.Chips.ProgramTable;
using StarkGpu.Rv32im.Chips.Syscall;
using StarkGpu.Rv32im.Elf;
using StarkGpu.Rv32im.Events;

namespace StarkGpu.Rv32im;

/// <summary>
/// The RV32IM reference machine for one program: Program (preprocessed instructions), Cpu, the seven ALU chips,
/// memory (MemoryLocal per shard; MemoryInit, MemoryFinalize and MemoryProgram at the global boundary), Syscall,
/// and ByteLookup, whose multiplicities count the byte lookups of every chip that sends them. Every bus of
/// <see cref="Chips.Rv32imBuses"/> has a sender and a receiver (<see cref="IncompleteBuses"/> is empty).
/// </summary>
public static class Rv32imMachine
{
    /// <summary>The one cluster: every shard may use every chip (chips a record does not use get zero traces).</summary>
    public const string ClusterName = "rv32im";

    /// <summary>The machine for <paramref name="program"/> (Program and MemoryProgram hold its image).</summary>
    public static Machine<ExecutionRecord, Program> Create(Program program)
    {
        ArgumentNullException.ThrowIfNull(program);
        Chip<ExecutionRecord, Program>[] alu = [new AddSubChip(), new BitwiseChip(), new LtChip(), new ShiftLeftChip(), new ShiftRightChip(), new MulChip(), new DivRemChip()];
        Chip<ExecutionRecord, Program>[] others =
        [
            new CpuChip(), new ProgramChip(program), new MemoryLocalChip(), new MemoryInitChip(), new MemoryFinalizeChip(),
            new MemoryProgramChip(program), new SyscallChip(),
        ];
        var chips = alu.Concat(others).ToList();
        chips.Add(new ByteLookupChip(chips.OfType<IByteLookupSource>()));
        return new Machine<ExecutionRecord, Program>(chips, [new Cluster(ClusterName, chips.Select(c => c.Name))]);
    }

    /// <summary>
    /// Buses of <paramref name="machine"/> that only send or only receive, so cannot balance. Derived from the
    /// chips' interactions: a guard for machines assembled from a subset of the chips (tests, new machines).
    /// </summary>
    public static IReadOnlyList<Bus> IncompleteBuses<TRecord, TProgram>(Machine<TRecord, TProgram> machine)
        where TRecord : IExecutionRecord
    {
        ArgumentNullException.ThrowIfNull(machine);
        var interactions = machine.Chips.SelectMany(c => machine.Symbolic(c.Name).Interactions).ToList();
        return [.. interactions.Select(i => i.Bus).Distinct()
            .Where(bus => interactions.Where(i => i.Bus == bus).Select(i => i.Kind).Distinct().Count() < 2)
            .OrderBy(bus => bus.Id)];
    }
}
