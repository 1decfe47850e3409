using StarkGpu.Device;
using StarkGpu.Engine.Chips;

namespace StarkGpu.Rv32im.Chips.ProgramTable;

/// <summary>
/// The Program chip's instruction counters for one call's device jobs (a <see cref="DeviceTraceContext"/> scratch):
/// the Cpu chip's kernel may claim them and count each row's pc while it writes the Cpu trace; otherwise the Program
/// chip counts the pcs itself. <see cref="Counts"/> holds <see cref="Sets"/> sets of one counter per instruction
/// (summed into the multiplicity column); <see cref="BadEvent"/> receives the lowest index of an event whose pc is not
/// an instruction of the program (all ones when there is none).
/// </summary>
public sealed class ProgramScratch : IDisposable
{
    private bool _claimed;

    internal ProgramScratch(DeviceStream stream, uint codeBase, int instructions)
    {
        CodeBase = codeBase;
        Instructions = instructions;
        Sets = CountKernels.Sets(stream.Accelerator);
        Counts = stream.AllocateZeroed<uint>((long)Sets * Math.Max(instructions, 1));
        try
        {
            BadEvent = stream.Allocate<uint>(1);
            stream.Fill32(BadEvent, NoBadEvent);
        }
        catch
        {
            Counts.Dispose();
            throw;
        }
    }

    /// <summary>The value of <see cref="BadEvent"/> while every pc counted was an instruction.</summary>
    public const uint NoBadEvent = uint.MaxValue;

    public uint CodeBase { get; }

    public int Instructions { get; }

    public uint Sets { get; }

    public DeviceBuffer<uint> Counts { get; }

    public DeviceBuffer<uint> BadEvent { get; }

    /// <summary>True the first time only: the caller then counts every Cpu event's pc, and nobody else does.</summary>
    public bool Claim()
    {
        if (_claimed)
        {
            return false;
        }

        _claimed = true;
        return true;
    }

    public void Dispose()
    {
        Counts.Dispose();
        BadEvent.Dispose();
    }
}
