namespace StarkGpu.Rv32im.Chips.ProgramTable;

/// <summary>
/// A Cpu event executed a pc that is not an instruction of the program (outside the code or not 4-aligned): the
/// Program chip has no row to count it in, so the record cannot come from this program.
/// </summary>
public sealed class PcOutsideProgramException : Exception
{
    public PcOutsideProgramException()
    {
    }

    public PcOutsideProgramException(string message)
        : base(message)
    {
    }

    public PcOutsideProgramException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public PcOutsideProgramException(string chipName, uint shard, int eventIndex, uint pc, string reason)
        : base($"chip {chipName}, shard {shard}: cpu event {eventIndex} has pc 0x{pc:x8}, {reason}")
    {
        ChipName = chipName;
        Shard = shard;
        Pc = pc;
    }

    /// <summary>The chip that found the pc.</summary>
    public string? ChipName { get; }

    /// <summary>The record's shard.</summary>
    public uint Shard { get; }

    /// <summary>The pc that has no instruction.</summary>
    public uint Pc { get; }
}
