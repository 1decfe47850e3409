using StarkGpu.Engine.Air;
using StarkGpu.Fields;

namespace StarkGpu.Rv32im.Chips.Alu.Shared;

/// <summary>
/// A 32-bit word as four byte limbs, least significant first: the shape a word has in every trace column group
/// and on every bus of the machine (<see cref="Rv32imBuses"/>). Row writers set a word's limbs with
/// <see cref="AluRows.SetWord"/>.
/// </summary>
public static class WordLimbs
{
    /// <summary>Limbs in a word.</summary>
    public const int Count = 4;

    /// <summary>Byte <paramref name="index"/> (0 = least significant) of <paramref name="word"/>.</summary>
    public static uint Byte(uint word, int index) => (word >> (8 * index)) & 0xff;

    /// <summary>Writes the four limbs of <paramref name="word"/> as field elements into <paramref name="destination"/>[0..4).</summary>
    public static void Write(uint word, Span<KoalaBear> destination)
    {
        var limbs = destination[..Count];
        for (var i = 0; i < Count; i++)
        {
            limbs[i] = KoalaBear.FromCanonical(Byte(word, i));
        }
    }

    /// <summary>The word whose limbs are <paramref name="limbs"/>, each below 256.</summary>
    public static uint Join(ReadOnlySpan<byte> limbs) =>
        limbs[0] | ((uint)limbs[1] << 8) | ((uint)limbs[2] << 16) | ((uint)limbs[3] << 24);

    /// <summary>The four limb columns starting at <paramref name="firstColumn"/> of the current row.</summary>
    public static TExpr[] Local<TExpr>(IAirBuilder<TExpr> builder, int firstColumn)
        where TExpr : IAirExpression<TExpr>
    {
        ArgumentNullException.ThrowIfNull(builder);
        return [builder.Local(firstColumn), builder.Local(firstColumn + 1), builder.Local(firstColumn + 2), builder.Local(firstColumn + 3)];
    }

    /// <summary>The value sum(limb_i * 256^i) of four limb expressions (below p only for limbs of a word below 2^31).</summary>
    public static TExpr Recompose<TExpr>(ReadOnlySpan<TExpr> limbs)
        where TExpr : IAirExpression<TExpr> =>
        limbs[0] + (TExpr.FromInt(1 << 8) * limbs[1]) + (TExpr.FromInt(1 << 16) * limbs[2]) + (TExpr.FromInt(1 << 24) * limbs[3]);
}
