namespace StarkGpu.Rv32im.Events;

/// <summary>
/// Initial value of an address touched during the execution that is not a word of the program image
/// (registers: 0; words filled by HINT_READ: the hint's word; others: 0). Its state is (shard 0, timestamp 0,
/// Value). Program-image words are initialised by the program's preprocessed image instead.
/// Emitted once per execution, in the last shard's record, sorted by address.
/// </summary>
public struct MemoryInitializeEvent
{
    /// <summary>Register index (0..31) or word address.</summary>
    public uint Address;

    /// <summary>Initial value.</summary>
    public uint Value;
}

/// <summary>
/// Final state of every address that was touched or is a program-image word (the union, sorted by address), so
/// that every initial state is matched by exactly one final state. Untouched image words end at (0, 0, image value).
/// Emitted once per execution, in the last shard's record.
/// </summary>
public struct MemoryFinalizeEvent
{
    /// <summary>Register index (0..31) or word address.</summary>
    public uint Address;

    /// <summary>Final value.</summary>
    public uint Value;

    /// <summary>Shard of the last access (0 if never accessed).</summary>
    public uint Shard;

    /// <summary>Timestamp of the last access (0 if never accessed).</summary>
    public uint Timestamp;
}
