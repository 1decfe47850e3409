using StarkGpu.Engine.Air;

namespace StarkGpu.Rv32im.Chips.Alu;

/// <summary>
/// The shift amount s = c mod 32 as both shift chips hold it, in the same columns: the eight bits of c[0], a
/// one-hot selector of n = s mod 8 (bits 0..2), a one-hot selector of m = s / 8 (bits 3..4), and a multiplier
/// that is 2^n for a left shift and 2^(8 - n) for a right shift.
/// </summary>
internal static class ShiftAmount
{
    /// <summary>c[0], the low byte of operand c.</summary>
    public const int CLowByte = 8;

    public const int CLowByteBits = 12;
    public const int ShiftByBits = 20;
    public const int ShiftByBytes = 28;
    public const int BitMultiplier = 32;

    private static readonly string[] CBitLabels = RowValues.Labels("c[0] bit {0} is boolean", 8);
    private static readonly string[] BitSelectorLabels = RowValues.Labels("shift-by-{0}-bits selector is boolean", 8);
    private static readonly string[] ByteSelectorLabels = RowValues.Labels("shift-by-{0}-bytes selector is boolean", 4);

    /// <summary>Constrains the columns to be the shift amount of c; on rows with <paramref name="isReal"/> one, exactly one selector of each kind is set.</summary>
    public static void Eval<TExpr>(IAirBuilder<TExpr> builder, TExpr isReal, bool right)
        where TExpr : IAirExpression<TExpr>
    {
        var cLowByte = TExpr.Zero;
        for (var k = 0; k < 8; k++)
        {
            var bit = builder.Local(CLowByteBits + k);
            builder.AssertBool(CBitLabels[k], bit);
            cLowByte += bit * TExpr.FromInt(1L << k);
        }

        builder.AssertEqual("c[0] is its bits", builder.Local(CLowByte), cLowByte);

        TExpr selected = TExpr.Zero, index = TExpr.Zero, multiplier = TExpr.Zero;
        for (var k = 0; k < 8; k++)
        {
            var selector = builder.Local(ShiftByBits + k);
            builder.AssertBool(BitSelectorLabels[k], selector);
            selected += selector;
            index += selector * TExpr.FromInt(k);
            multiplier += selector * TExpr.FromInt(right ? 256L >> k : 1L << k);
        }

        builder.When(isReal).AssertOne("exactly one bit shift is selected", selected);
        builder.AssertEqual("bit shift = c mod 8", index, BitsValue(builder, 0, 3));
        builder.AssertEqual(right ? "bit multiplier = 2^(8 - c mod 8)" : "bit multiplier = 2^(c mod 8)", builder.Local(BitMultiplier), multiplier);

        selected = TExpr.Zero;
        index = TExpr.Zero;
        for (var j = 0; j < 4; j++)
        {
            var selector = builder.Local(ShiftByBytes + j);
            builder.AssertBool(ByteSelectorLabels[j], selector);
            selected += selector;
            index += selector * TExpr.FromInt(j);
        }

        builder.When(isReal).AssertOne("exactly one byte shift is selected", selected);
        builder.AssertEqual("byte shift = (c / 8) mod 4", index, BitsValue(builder, 3, 2));
    }

    /// <summary>The value of <paramref name="count"/> bits of c[0] from bit <paramref name="first"/>.</summary>
    private static TExpr BitsValue<TExpr>(IAirBuilder<TExpr> builder, int first, int count)
        where TExpr : IAirExpression<TExpr>
    {
        var value = TExpr.Zero;
        for (var k = 0; k < count; k++)
        {
            value += builder.Local(CLowByteBits + first + k) * TExpr.FromInt(1L << k);
        }

        return value;
    }
}
