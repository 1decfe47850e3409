namespace StarkGpu.Rv32im.Chips.Alu;

/// <summary>
/// Column layout of <see cref="DivRemChip"/>: quotient q and remainder r with b = c * q + r proven over 64 bits
/// (operands sign-extended for DIV and REM), |r| &lt; |c| proven on absolute values, r with b's sign, and the RISC-V
/// special cases (c = 0; INT_MIN / -1). Rows: <see cref="DivRemRow"/>.
/// </summary>
public static class DivRemColumns
{
    /// <summary>Result a (q for DIV and DIVU, r for REM and REMU), four byte limbs, least significant first.</summary>
    public const int A = 0;

    /// <summary>Dividend b, four byte limbs.</summary>
    public const int B = 4;

    /// <summary>Divisor c, four byte limbs.</summary>
    public const int C = 8;

    /// <summary>Quotient q, four byte limbs.</summary>
    public const int Quotient = 12;

    /// <summary>Remainder r, four byte limbs.</summary>
    public const int Remainder = 16;

    /// <summary>One when b is read as signed (DIV, REM) and negative (a Msb lookup of b[3]); likewise the next three.</summary>
    public const int BNeg = 20;

    public const int CNeg = 21;
    public const int QNeg = 22;
    public const int RNeg = 23;

    /// <summary>Low byte of the carry out of each of the eight limbs of c * q + r (carries stay below 2^11).</summary>
    public const int CarryLow = 24;

    /// <summary>High byte of the carry out of each limb of c * q + r.</summary>
    public const int CarryHigh = 32;

    /// <summary>|c| as an unsigned word (2^31 for INT_MIN), four byte limbs.</summary>
    public const int AbsC = 40;

    /// <summary>|r| as an unsigned word, four byte limbs.</summary>
    public const int AbsR = 44;

    /// <summary>Boolean carries of c + |c| = 0 mod 2^32 (when c is negative).</summary>
    public const int CNegationCarry = 48;

    /// <summary>Boolean carries of r + |r| = 0 mod 2^32 (when b is negative).</summary>
    public const int RNegationCarry = 52;

    /// <summary>|c| - |r| - 1, four byte limbs: its existence proves |r| &lt; |c| (when c is not zero).</summary>
    public const int LtDifference = 56;

    /// <summary>Boolean carries of |r| + 1 + difference = |c|, limbs 0..2 (limb 3 has none).</summary>
    public const int LtCarry = 60;

    /// <summary>One when c = 0 (then q is all ones and r = b).</summary>
    public const int CIsZero = 63;

    /// <summary>One for DIV or REM of INT_MIN by -1 (then only the low word of c * q + r = b is checked).</summary>
    public const int IsOverflow = 64;

    public const int IsDiv = 65;
    public const int IsDivu = 66;
    public const int IsRem = 67;
    public const int IsRemu = 68;

    public const int Width = 69;
}
