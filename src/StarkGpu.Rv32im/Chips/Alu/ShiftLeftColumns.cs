namespace StarkGpu.Rv32im.Chips.Alu;

/// <summary>
/// Column layout of <see cref="ShiftLeftChip"/>: a = b &lt;&lt; (c mod 32) proven as a shift by n bits inside each
/// byte (a multiplication by 2^n with carries), then a shift by whole bytes (a one-hot selection of limbs).
/// Rows: <see cref="ShiftLeftRow"/>.
/// </summary>
public static class ShiftLeftColumns
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

    /// <summary>2^(c mod 8).</summary>
    public const int BitMultiplier = ShiftAmount.BitMultiplier;

    /// <summary>Byte limbs of (b * 2^(c mod 8)) mod 2^32.</summary>
    public const int BitShifted = 33;

    /// <summary>Carry out of each limb of the multiplication by 2^(c mod 8) (below 2^7).</summary>
    public const int BitShiftCarry = 37;

    /// <summary>One on rows that hold an event.</summary>
    public const int IsReal = 41;

    public const int Width = 42;
}
