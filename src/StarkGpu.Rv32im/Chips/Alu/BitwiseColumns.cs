namespace StarkGpu.Rv32im.Chips.Alu;

/// <summary>Columns of <see cref="BitwiseChip"/> (width 15). Rows: <see cref="BitwiseRow"/>.</summary>
public static class BitwiseColumns
{
    /// <summary>a0..a3: the result.</summary>
    public const int A = 0;

    /// <summary>b0..b3: first operand.</summary>
    public const int B = 4;

    /// <summary>c0..c3: second operand.</summary>
    public const int C = 8;

    /// <summary>Selector: the row is an XOR.</summary>
    public const int IsXor = 12;

    /// <summary>Selector: the row is an OR.</summary>
    public const int IsOr = 13;

    /// <summary>Selector: the row is an AND. is_real = is_xor + is_or + is_and.</summary>
    public const int IsAnd = 14;

    public const int Width = 15;
}
