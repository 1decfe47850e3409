using StarkGpu.Engine.Air;
using StarkGpu.Engine.Machines;
using StarkGpu.Rv32im.Chips.Alu.Shared;
using StarkGpu.Rv32im.Chips.Alu;
using StarkGpu.Rv32im.Chips.ByteLookup;
using StarkGpu.Rv32im.Elf;
using StarkGpu.Rv32im.Events;

namespace StarkGpu.Rv32im;

/// <summary>
/// The RV32IM reference machine, as far as its chips exist: the seven ALU chips and ByteLookup, whose
/// multiplicities count every ALU chip's byte lookups. The Program, Cpu, memory and Syscall chips are
/// not built yet, so the <see cref="Rv32imBuses"/> they would drive (program, memory, syscall) have no
/// chips, and the alu bus has receivers but no sender: see <see cref="IncompleteBuses"/>.
/// </summary>
public static class Rv32imMachine
{
    public static Machine<ExecutionRecord, Program> Create()
    {
        AluChip[] alu = [new AddSubChip(), new BitwiseChip(), new LtChip(), new ShiftLeftChip(), new ShiftRightChip(), new MulChip(), new DivRemChip()];
        var byteLookup = new ByteLookupChip(alu);
        var chips = alu.Cast<Engine.Chips.Chip<ExecutionRecord, Program>>().Append(byteLookup).ToArray();
        return new Machine<ExecutionRecord, Program>(chips, [new Cluster("rv32im", chips.Select(c => c.Name))]);
    }

    /// <summary>
    /// Buses of <paramref name="machine"/> that only send or only receive: no chip on the other side
    /// exists yet, so they cannot balance. Derived from the chips' interactions, not listed by hand.
    /// </summary>
    public static IReadOnlyList<Bus> IncompleteBuses<TRecord, TProgram>(Machine<TRecord, TProgram> machine)
        where TRecord : Engine.Chips.IExecutionRecord
    {
        var interactions = machine.Chips.SelectMany(c => machine.Symbolic(c.Name).Interactions).ToList();
        return [.. interactions.Select(i => i.Bus).Distinct()
            .Where(bus => interactions.Where(i => i.Bus == bus).Select(i => i.Kind).Distinct().Count() < 2)
            .OrderBy(bus => bus.Id)];
    }
}
