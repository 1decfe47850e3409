using StarkGpu.Device;
using StarkGpu.Engine.Chips;
using StarkGpu.Rv32im.Chips.Rows;
using StarkGpu.Rv32im.Events;

namespace StarkGpu.Rv32im.Chips.ProgramTable;

/// <summary>
/// The Program chip's instruction counters for one call's device jobs (a <see cref="DeviceTraceContext"/> scratch):
/// the Cpu chip's kernel may claim them and count each row's pc while it writes the Cpu trace; otherwise the Program
/// chip counts the pcs itself. <see cref="Counts"/> holds <see cref="Sets"/> sets of one counter per instruction
/// (table <see cref="ProgramCounts.Table"/> of the row writers' counters), summed into the multiplicity column.
/// </summary>
public sealed class ProgramScratch : IDisposable
{
    private readonly Func<ExecutionRecord, Exception> _outsideProgram;
    private bool _claimed;

    internal ProgramScratch(DeviceStream stream, uint codeBase, int instructions, Func<ExecutionRecord, Exception> outsideProgram)
    {
        _outsideProgram = outsideProgram;
        CodeBase = codeBase;
        Instructions = instructions;
        Sets = stream.Accelerator.CounterSets;
        Counts = stream.AllocateZeroed<uint>((long)Sets * Math.Max(instructions, 1));
    }

    public uint CodeBase { get; }

    public int Instructions { get; }

    public int Sets { get; }

    public DeviceBuffer<uint> Counts { get; }

    /// <summary>The counters as the row writers' table 1: one cell per instruction, a pc's cell <c>(pc - CodeBase) &gt;&gt; 2</c>.</summary>
    internal DeviceCounterTable Table => new(Counts.View, Sets, (uint)Instructions, CodeBase, ProgramCounts.Shift);

    /// <summary>The counter table the first time only: the caller then counts every Cpu event's pc, and nobody else does.</summary>
    public DeviceCounterTable? Claim()
    {
        if (_claimed)
        {
            return null;
        }

        _claimed = true;
        return Table;
    }

    /// <summary>Pcs the claimant counted that have no instruction (the Program chip reports them when it runs).</summary>
    public uint OutsideCount { get; private set; }

    /// <summary>Records <paramref name="count"/> pcs outside the program, counted by the claimant.</summary>
    internal void CountedOutside(uint count) => OutsideCount += count;

    /// <summary>The error naming the first Cpu event of <paramref name="record"/> whose pc is not an instruction of the program.</summary>
    public Exception OutsideProgram(ExecutionRecord record) => _outsideProgram(record);

    public void Dispose() => Counts.Dispose();
}
