using StarkGpu.Engine.Air;
using StarkGpu.Rv32im.Chips.ByteLookup;

namespace StarkGpu.Rv32im.Chips.Alu.Shared;

/// <summary>
/// Proves the four limbs of a word are bytes with two U8Range lookups, (limb0, limb1) and (limb2, limb3): the send
/// side for constraints and the count side for <see cref="IByteLookupSource"/>, kept together so they cannot drift.
/// Row writers count the same two lookups with <see cref="ByteLookupCounts.Word"/>.
/// </summary>
public static class WordRangeCheck
{
    /// <summary>Sends the two lookups for the limb expressions <paramref name="limbs"/>.</summary>
    public static void Send<TExpr>(IAirBuilder<TExpr> builder, ReadOnlySpan<TExpr> limbs, TExpr multiplicity)
        where TExpr : IAirExpression<TExpr>
    {
        ByteLookupBus.SendRange(builder, limbs[0], limbs[1], multiplicity);
        ByteLookupBus.SendRange(builder, limbs[2], limbs[3], multiplicity);
    }

    /// <summary>Counts the two lookups for <paramref name="word"/>.</summary>
    public static void Count(uint word, ByteLookupCounter counter)
    {
        counter.AddRange(WordLimbs.Byte(word, 0), WordLimbs.Byte(word, 1));
        counter.AddRange(WordLimbs.Byte(word, 2), WordLimbs.Byte(word, 3));
    }
}
