namespace StarkGpu.Rv32im.Chips.Memory;

/// <summary>
/// A record's memory events cannot be a trace of the chip: boundary addresses out of order or out of range, or a
/// boundary that does not belong to the chip's program. A bug in the executor or a record from another program.
/// </summary>
public sealed class MemoryEventsException : Exception
{
    public MemoryEventsException()
    {
    }

    public MemoryEventsException(string message)
        : base(message)
    {
    }

    public MemoryEventsException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public MemoryEventsException(string chipName, uint shard, int row, string message)
        : base($"chip {chipName}, shard {shard}, row {row}: {message}")
    {
        ChipName = chipName;
        Shard = shard;
        Row = row;
    }

    /// <summary>The chip that rejected the events.</summary>
    public string? ChipName { get; }

    /// <summary>The record's shard.</summary>
    public uint Shard { get; }

    /// <summary>The row (event index) at fault.</summary>
    public int Row { get; }
}
