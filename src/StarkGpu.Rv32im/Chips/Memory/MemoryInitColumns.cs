namespace StarkGpu.Rv32im.Chips.Memory;

/// <summary>Columns of <see cref="MemoryInitChip"/> (width 18). Host only.</summary>
public static class MemoryInitColumns
{
    /// <summary>address0..address3: the address as byte limbs (the bus carries their sum as one element).</summary>
    public const int Address = 0;

    /// <summary>v0..v3: the initial value, byte limbs (range-checked: the prover chose them).</summary>
    public const int Value = 4;

    /// <summary>1 on a row of an event, 0 on padding.</summary>
    public const int IsReal = 8;

    /// <summary>1 exactly on a real row of address 0 (register x0): is_real - (address limb sum) * address_sum_inverse.</summary>
    public const int IsX0 = 9;

    /// <summary>The inverse of the address limbs' sum (0 when the sum is 0): what makes is_x0 computable.</summary>
    public const int AddressSumInverse = 10;

    /// <summary>The <see cref="AddressOrder"/> columns (addresses strictly increase).</summary>
    public const int Order = 11;

    public const int Width = Order + AddressOrder.Width;
}
