namespace StarkGpu.Rv32im.Chips.Memory;

/// <summary>
/// Columns of <see cref="MemoryLocalChip"/> (width 14): one touched address of a shard with its state before and
/// after the shard. Rows: <see cref="MemoryLocalRow"/>.
/// </summary>
public static class MemoryLocalColumns
{
    /// <summary>Register index (0..31) or 4-aligned word address, one element (always below p).</summary>
    public const int Address = 0;

    /// <summary>Shard of the access before this shard (0: the initial state).</summary>
    public const int InitialShard = 1;

    /// <summary>Timestamp of the access before this shard (0: the initial state).</summary>
    public const int InitialTimestamp = 2;

    /// <summary>initial_v0..initial_v3: the value before this shard, byte limbs.</summary>
    public const int InitialValue = 3;

    /// <summary>Shard of the shard's last access.</summary>
    public const int FinalShard = 7;

    /// <summary>Timestamp of the shard's last access.</summary>
    public const int FinalTimestamp = 8;

    /// <summary>final_v0..final_v3: the value after this shard, byte limbs.</summary>
    public const int FinalValue = 9;

    /// <summary>1 on a row of an event, 0 on padding.</summary>
    public const int IsReal = 13;

    public const int Width = 14;
}
