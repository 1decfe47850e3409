using System.Runtime.CompilerServices;
using StarkGpu.Kernels.Counting;
using StarkGpu.Kernels.Host;
using StarkGpu.Kernels.Traces;

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
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
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
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Range<TCounters>(ref TCounters counters, uint b, uint c)
        where TCounters : struct, ICounters<TCounters> =>
        Add(ref counters, ByteOpcode.U8Range, b, c);

    /// <summary>The two U8Range lookups proving a word's limbs are bytes (<see cref="Alu.Shared.WordRangeCheck"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Word<TCounters>(ref TCounters counters, uint word)
        where TCounters : struct, ICounters<TCounters>
    {
        // A word's limbs are bytes by construction, so no range test (the hot path of every ALU and Cpu row): the cell
        // of (limb0, limb1) is (limb0 << 8) | limb1, and likewise for (limb2, limb3).
        const uint U8Range = (uint)ByteOpcode.U8Range << 16;
        counters.Increment(Table, U8Range | ((word & 0xff) << 8) | ((word >> 8) & 0xff));
        counters.Increment(Table, U8Range | ((word >> 8) & 0xff00) | (word >> 24));
    }

    /// <summary>
    /// Adds the byte lookups of <paramref name="events"/>' rows, as <typeparamref name="TWriter"/> counts them, to
    /// <paramref name="counter"/> on the host (the rows themselves are not stored).
    /// </summary>
    /// <exception cref="ByteLookupRangeException">A row asked for a lookup outside the table.</exception>
    /// <exception cref="InvalidOperationException">The writer refused an event (named by its row).</exception>
    public static void CountOnHost<TWriter, TEvent>(string chip, ReadOnlySpan<TEvent> events, ByteLookupCounter counter)
        where TWriter : struct, IRowWriter<TEvent>
        where TEvent : unmanaged =>
        CountOnHost<TWriter, TEvent>(chip, events, counter, row => $"chip {chip}, row {row}: the event cannot be a row of the chip");

    /// <summary>
    /// <see cref="CountOnHost{TWriter, TEvent}(string, ReadOnlySpan{TEvent}, ByteLookupCounter)"/>, with the message
    /// for a refused row from <paramref name="refusal"/> (given the row): a chip names what was wrong with the event.
    /// </summary>
    /// <exception cref="ByteLookupRangeException">A row asked for a lookup outside the table.</exception>
    /// <exception cref="InvalidOperationException">The writer refused an event (named by its row).</exception>
    public static unsafe void CountOnHost<TWriter, TEvent>(string chip, ReadOnlySpan<TEvent> events, ByteLookupCounter counter, Func<long, string> refusal)
        where TWriter : struct, IRowWriter<TEvent>
        where TEvent : unmanaged
    {
        ArgumentNullException.ThrowIfNull(refusal);
        var errors = stackalloc uint[2];
        errors[0] = 0;
        errors[1] = 0;
        long badRow;
        fixed (uint* counts = counter.Counts)
        {
            var counters = new HostCounters { Table0 = counts, Cells0 = ByteLookupTable.CountCells, Errors = errors };
            badRow = HostRows.Count<TWriter, TEvent, HostCounters>(events, ref counters);
        }

        if (badRow >= 0)
        {
            throw new InvalidOperationException(refusal(badRow));
        }

        if (errors[0] != 0)
        {
            throw new ByteLookupRangeException(chip, $"{errors[0]} byte lookups fall outside the table");
        }
    }
}
