namespace StarkGpu.Rv32im.Chips.Alu;

/// <summary>
/// Columns of <see cref="LtChip"/> (width 22). The chip compares b' and c', the operands with their sign bit
/// flipped for SLT (which turns a signed comparison into an unsigned one) and as they are for SLTU.
/// Rows: <see cref="LtRow"/>.
/// </summary>
public static class LtColumns
{
    /// <summary>a0, the 0/1 result; a1..a3 are zero and not stored.</summary>
    public const int Result = 0;

    /// <summary>b0..b3: first operand.</summary>
    public const int B = 1;

    /// <summary>c0..c3: second operand.</summary>
    public const int C = 5;

    /// <summary>Selector: the row is an SLT (signed).</summary>
    public const int IsSlt = 9;

    /// <summary>Selector: the row is an SLTU. is_real = is_slt + is_sltu.</summary>
    public const int IsSltu = 10;

    /// <summary>Sign bit of b (bit 7 of b3), proven by an Msb lookup on SLT rows; zero on SLTU rows.</summary>
    public const int MsbB = 11;

    /// <summary>Sign bit of c, as <see cref="MsbB"/>.</summary>
    public const int MsbC = 12;

    /// <summary>b'3: b3 with bit 7 flipped for SLT, b3 for SLTU.</summary>
    public const int BTop = 13;

    /// <summary>c'3, as <see cref="BTop"/>.</summary>
    public const int CTop = 14;

    /// <summary>flag0..flag3: one-hot at the most significant byte where b' and c' differ; all zero when equal.</summary>
    public const int ByteFlags = 15;

    /// <summary>The byte of b' at the flagged position (zero when b' = c').</summary>
    public const int ComparedB = 19;

    /// <summary>The byte of c' at the flagged position (zero when b' = c').</summary>
    public const int ComparedC = 20;

    /// <summary>1 / (compared_b - compared_c), proving the flagged bytes differ; zero when b' = c'.</summary>
    public const int DiffInverse = 21;

    public const int Width = 22;
}
