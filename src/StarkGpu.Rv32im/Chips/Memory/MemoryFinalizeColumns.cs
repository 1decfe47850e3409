namespace StarkGpu.Rv32im.Chips.Memory;

/// <summary>Columns of <see cref="MemoryFinalizeChip"/> (width 18). Host only.</summary>
public static class MemoryFinalizeColumns
{
    /// <summary>address0..address3: the address as byte limbs (the bus carries their sum as one element).</summary>
    public const int Address = 0;

    /// <summary>Shard of the address's last access (0 if never accessed).</summary>
    public const int Shard = 4;

    /// <summary>Timestamp of the address's last access (0 if never accessed).</summary>
    public const int Timestamp = 5;

    /// <summary>v0..v3: the final value, byte limbs.</summary>
    public const int Value = 6;

    /// <summary>1 on a row of an event, 0 on padding.</summary>
    public const int IsReal = 10;

    /// <summary>The <see cref="AddressOrder"/> columns (addresses strictly increase).</summary>
    public const int Order = 11;

    public const int Width = Order + AddressOrder.Width;
}
