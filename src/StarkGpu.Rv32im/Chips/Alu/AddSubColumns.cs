namespace StarkGpu.Rv32im.Chips.Alu;

/// <summary>
/// Columns of <see cref="AddSubChip"/> (width 18). Both operations are one byte-wise addition: ADD proves
/// b + c = a, SUB proves a + c = b (a = b - c). Rows: <see cref="AddSubRow"/>.
/// </summary>
public static class AddSubColumns
{
    /// <summary>a0..a3: the result.</summary>
    public const int A = 0;

    /// <summary>b0..b3: first operand.</summary>
    public const int B = 4;

    /// <summary>c0..c3: second operand.</summary>
    public const int C = 8;

    /// <summary>
    /// carry0..carry3: the carry out of each byte of the addition; carry3 is the overflow past 2^32, which the
    /// word drops.
    /// </summary>
    public const int Carry = 12;

    /// <summary>Selector: the row is an ADD.</summary>
    public const int IsAdd = 16;

    /// <summary>Selector: the row is a SUB. is_real = is_add + is_sub.</summary>
    public const int IsSub = 17;

    public const int Width = 18;
}
