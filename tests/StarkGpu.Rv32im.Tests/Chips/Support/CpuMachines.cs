using StarkGpu.Engine.Air;
using StarkGpu.Engine.Checking;
using StarkGpu.Engine.Chips;
using StarkGpu.Engine.Machines;
using StarkGpu.Rv32im.Chips;
using StarkGpu.Rv32im.Chips.Alu;
using StarkGpu.Rv32im.Chips.Alu.Shared;
using StarkGpu.Rv32im.Chips.ByteLookup;
using StarkGpu.Rv32im.Chips.Cpu;
using StarkGpu.Rv32im.Elf;
using StarkGpu.Rv32im.Events;

namespace StarkGpu.Rv32im.Tests.Chips.Support;

/// <summary>Machines around the Cpu chip, and what their checks may leave unbalanced.</summary>
public static class CpuMachines
{
    /// <summary>Buses whose other side (Program, memory, Syscall chips) <see cref="CpuAndAlu"/> lacks.</summary>
    public static readonly Bus[] BusesWithoutCounterpart = [Rv32imBuses.Program, Rv32imBuses.Memory, Rv32imBuses.Syscall];

    /// <summary>The seven ALU chips.</summary>
    public static AluChip[] AluChips() =>
        [new AddSubChip(), new BitwiseChip(), new LtChip(), new ShiftLeftChip(), new ShiftRightChip(), new MulChip(), new DivRemChip()];

    /// <summary>Cpu, the ALU chips, and ByteLookup counting the lookups of both.</summary>
    public static Machine<ExecutionRecord, Program> CpuAndAlu() => Create(Chips());

    /// <summary>
    /// <see cref="CpuAndAlu"/> plus test stand-ins for the Program, MemoryLocal and Syscall chips built from the
    /// program and the record, so that every bus of the Cpu chip must balance.
    /// </summary>
    public static Machine<ExecutionRecord, Program> Complete(Program program) =>
        Create([.. Chips(), new CpuProgramStandIn(program), new CpuMemoryStandIn(), new CpuSyscallStandIn()]);

    /// <summary>The imbalances of <paramref name="report"/> on buses whose every side is in <see cref="CpuAndAlu"/>.</summary>
    public static BusImbalance[] BalancedBusImbalances(CheckReport report) =>
        [.. report.BusImbalances.Where(i => !BusesWithoutCounterpart.Contains(i.Bus))];

    private static List<Chip<ExecutionRecord, Program>> Chips()
    {
        var cpu = new CpuChip();
        var alu = AluChips();
        var byteLookup = new ByteLookupChip([cpu, .. alu]);
        return [cpu, .. alu, byteLookup];
    }

    private static Machine<ExecutionRecord, Program> Create(List<Chip<ExecutionRecord, Program>> chips) =>
        new(chips, [new Cluster("all", [.. chips.Select(c => c.Name)])]);
}
