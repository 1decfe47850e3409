namespace StarkGpu.Rv32im.Chips.Alu;

/// <summary>
/// Column layout of <see cref="ShiftRightChip"/>: a = b &gt;&gt; (c mod 32), logical (SRL) or arithmetic (SRA).
/// b is extended above its four bytes by a sign byte (0xFF for SRA of a negative b, else 0), shifted right by
/// whole bytes (a one-hot selection of limbs), then by n = c mod 8 bits, proven as a multiplication of the five
/// byte-shifted limbs by 2^(8 - n) with carries whose limbs 1..4 are a (limb 0 is the bits shifted out).
/// Rows: <see cref="ShiftRightRow"/>.
/// </summary>
public static class ShiftRightColumns
{
    /// <summary>Result a, four byte limbs, least significant first.</summary>
    public const int A = 0;

    /// <summary>Operand b, four byte limbs.</summary>
    public const int B = 4;

    /// <summary>Operand c, four byte limbs (only the low five bits of c[0] matter).</summary>
    public const int C = ShiftAmount.CLowByte;

    /// <summary>The eight bits of c[0], least significant first.</summary>
    public const int CLowByteBits = ShiftAmount.CLowByteBits;

    /// <summary>One-hot: column k is one when c mod 8 = k.</summary>
    public const int ShiftByBits = ShiftAmount.ShiftByBits;

    /// <summary>One-hot: column j is one when (c / 8) mod 4 = j.</summary>
    public const int ShiftByBytes = ShiftAmount.ShiftByBytes;

    /// <summary>2^(8 - c mod 8).</summary>
    public const int BitMultiplier = ShiftAmount.BitMultiplier;

    /// <summary>Bit 31 of b (a Msb lookup of b[3]).</summary>
    public const int BMsb = 33;

    /// <summary>The byte above b: 0xFF for SRA of a negative b, else 0.</summary>
    public const int SignByte = 34;

    /// <summary>Limbs 0..3 of the sign-extended b shifted right by whole bytes (limb 4 is the sign byte).</summary>
    public const int ByteShifted = 35;

    /// <summary>Limb 0 of the multiplication by 2^(8 - n): the bits shifted out of the word.</summary>
    public const int ShiftedOut = 39;

    /// <summary>Carry out of each of the five limbs of the multiplication (bytes).</summary>
    public const int Carry = 40;

    /// <summary>One on SRL rows.</summary>
    public const int IsSrl = 45;

    /// <summary>One on SRA rows.</summary>
    public const int IsSra = 46;

    public const int Width = 47;
}
