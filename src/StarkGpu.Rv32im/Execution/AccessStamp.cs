namespace StarkGpu.Rv32im.Execution;

/// <summary>When an address was last accessed: (0, 0) if never.</summary>
internal struct AccessStamp
{
    public uint Shard;
    public uint Timestamp;
}
