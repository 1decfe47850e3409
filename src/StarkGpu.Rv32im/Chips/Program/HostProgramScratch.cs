using StarkGpu.Kernels.Host;
using StarkGpu.Rv32im.Chips.Rows;
using StarkGpu.Rv32im.Events;

namespace StarkGpu.Rv32im.Chips.ProgramTable;

/// <summary>
/// The Program chip's host counters for one call's column jobs (table <see cref="ProgramCounts.Table"/>): the Cpu chip
/// may claim them once and count its rows' pcs while it writes its column-major trace; otherwise the Program chip
/// counts them itself.
/// </summary>
public sealed class HostProgramScratch(uint codeBase, int instructions, Func<ExecutionRecord, Exception> outsideProgram)
    : HostCounterScratch(new HostCounters { Cells1 = (uint)instructions, Base1 = codeBase, Shift1 = ProgramCounts.Shift })
{
    private bool _claimed;

    /// <summary>Whether the Cpu chip counted the pcs.</summary>
    public bool Claimed => _claimed;

    /// <summary>The counter sets the first time only: the caller then counts every Cpu event's pc.</summary>
    public HostCounterSets? Claim()
    {
        if (_claimed)
        {
            return null;
        }

        _claimed = true;
        return Sets;
    }

    /// <summary>Pcs the claimant counted that have no instruction (the Program chip reports them when it runs).</summary>
    public ulong OutsideCount { get; private set; }

    internal void CountedOutside(ulong count) => OutsideCount += count;

    /// <summary>The error naming the first Cpu event whose pc is not an instruction of the program.</summary>
    public Exception OutsideProgram(ExecutionRecord record) => outsideProgram(record);
}
