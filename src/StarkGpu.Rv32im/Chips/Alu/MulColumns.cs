namespace StarkGpu.Rv32im.Chips.Alu;

/// <summary>
/// Column layout of <see cref="MulChip"/>: the 64-bit product of b and c, each extended to eight byte limbs (by
/// 0xFF bytes where the opcode reads it as signed and it is negative), proven limb by limb with carries; a is its
/// low word (MUL) or high word (MULH, MULHU, MULHSU). Rows: <see cref="MulRow"/>.
/// </summary>
public static class MulColumns
{
    /// <summary>Result a, four byte limbs, least significant first.</summary>
    public const int A = 0;

    /// <summary>Operand b, four byte limbs.</summary>
    public const int B = 4;

    /// <summary>Operand c, four byte limbs.</summary>
    public const int C = 8;

    /// <summary>The 64-bit product of the extended operands, eight byte limbs.</summary>
    public const int Product = 12;

    /// <summary>Low byte of the carry out of each product limb (carries stay below 2^11).</summary>
    public const int CarryLow = 20;

    /// <summary>High byte of the carry out of each product limb.</summary>
    public const int CarryHigh = 28;

    /// <summary>Bit 31 of b (a Msb lookup of b[3]).</summary>
    public const int BMsb = 36;

    /// <summary>Bit 31 of c (a Msb lookup of c[3]).</summary>
    public const int CMsb = 37;

    /// <summary>One when b is read as signed (MULH, MULHSU) and negative: its limbs 4..7 are 0xFF.</summary>
    public const int BSignExtend = 38;

    /// <summary>One when c is read as signed (MULH) and negative: its limbs 4..7 are 0xFF.</summary>
    public const int CSignExtend = 39;

    public const int IsMul = 40;
    public const int IsMulh = 41;
    public const int IsMulhu = 42;
    public const int IsMulhsu = 43;

    public const int Width = 44;
}
