namespace StarkGpu.Rv32im.Chips;

/// <summary>
/// Operations of the ByteLookup table, over bytes b and c (the table has 2^16 rows, one per (b, c)).
/// The first element of a tuple on <see cref="Rv32imBuses.Byte"/>.
/// </summary>
public enum ByteOpcode : byte
{
    /// <summary>a = b AND c.</summary>
    And = 0,

    /// <summary>a = b OR c.</summary>
    Or = 1,

    /// <summary>a = b XOR c.</summary>
    Xor = 2,

    /// <summary>a = 0: proves that b and c are both bytes (a range check of two values at once).</summary>
    U8Range = 3,

    /// <summary>a = 1 if b &lt; c (unsigned) else 0.</summary>
    Ltu = 4,

    /// <summary>a = the most significant bit of b (bit 7), c = 0.</summary>
    Msb = 5,
}
