using StarkGpu.Kernels.Counting;

namespace StarkGpu.Rv32im.Chips.ByteLookup;

/// <summary>
/// How row writers count the byte lookups their rows send, into table <see cref="Table"/> of any
/// <see cref="ICounters{TSelf}"/> (host, device, or none): cell <c>op * 2^16 + (b &lt;&lt; 8) + c</c>
/// (<see cref="ByteLookupTable.CountIndex"/>). Kernel-safe: a lookup outside the table counts as an error, which the
/// ByteLookup chip turns into an exception naming the source chip.
/// </summary>
public static class ByteLookupCounts
{
    /// <summary>The counters table of the ByteLookup multiplicities.</summary>
    public const int Table = 0;

    /// <summary>Counts the lookup (op, op(b, c), b, c).</summary>
    public static void Add<TCounters>(ref TCounters counters, ByteOpcode opcode, uint b, uint c)
        where TCounters : struct, ICounters<TCounters>
    {
        if ((uint)opcode < ByteLookupTable.OpcodeCount && b < 256 && c < 256)
        {
            counters.Increment(Table, ((uint)opcode << 16) | (b << 8) | c);
        }
        else
        {
            counters.Error();
        }
    }

    /// <summary>Range checks two bytes with one U8Range lookup.</summary>
    public static void Range<TCounters>(ref TCounters counters, uint b, uint c)
        where TCounters : struct, ICounters<TCounters> =>
        Add(ref counters, ByteOpcode.U8Range, b, c);

    /// <summary>The two U8Range lookups proving a word's limbs are bytes (<see cref="Alu.Shared.WordRangeCheck"/>).</summary>
    public static void Word<TCounters>(ref TCounters counters, uint word)
        where TCounters : struct, ICounters<TCounters>
    {
        Range(ref counters, word & 0xff, (word >> 8) & 0xff);
        Range(ref counters, (word >> 16) & 0xff, word >> 24);
    }
}
