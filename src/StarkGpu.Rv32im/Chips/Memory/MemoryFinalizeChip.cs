using CommunityToolkit.HighPerformance;
using StarkGpu.Engine.Air;
using StarkGpu.Engine.Chips;
using StarkGpu.Fields;
using StarkGpu.Rv32im.Chips.Alu.Shared;
using StarkGpu.Rv32im.Chips.ByteLookup;
using StarkGpu.Rv32im.Elf;
using StarkGpu.Rv32im.Events;
using static StarkGpu.Rv32im.Chips.Memory.MemoryFinalizeColumns;

namespace StarkGpu.Rv32im.Chips.Memory;

/// <summary>
/// The final state of every touched or image address: one row per <see cref="ExecutionRecord.MemoryFinalize"/>
/// event (only the last shard's record has them), each receiving (address, shard, timestamp, value) from
/// <see cref="Rv32imBuses.MemoryGlobal"/>. Addresses strictly increase (<see cref="AddressOrder"/>), so each
/// address's chain of states ends exactly once.
/// </summary>
/// <remarks>
/// The value needs no range check: it must equal a state some other chip sent (a MemoryLocal final value, a
/// MemoryInit value or a committed image word). Host only: one row per address of the whole execution.
/// </remarks>
public sealed class MemoryFinalizeChip : EventChip<MemoryFinalizeEvent>, IByteLookupSource
{
    public const string ChipName = "MemoryFinalize";

    private static readonly AddressOrder s_order = new(Address, IsReal, Order);

    public override string Name => ChipName;

    public override int Width => MemoryFinalizeColumns.Width;

    public override void Eval<TExpr>(IAirBuilder<TExpr> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var address = WordLimbs.Local(builder, Address);
        var isReal = builder.Local(IsReal);

        builder.AssertBool("is_real is boolean", isReal);

        // The memory boundary lies in the last shard alone, so each address gets one initial and one final state.
        builder.AssertZero("is_real only in the last shard", isReal * (TExpr.One - builder.PublicValue(PublicValueIndex.IsLastShard)));
        s_order.Eval(builder);
        MemoryBus.Receive(
            builder,
            Rv32imBuses.MemoryGlobal,
            WordLimbs.Recompose(address),
            builder.Local(Shard),
            builder.Local(Timestamp),
            WordLimbs.Local(builder, Value),
            isReal);
    }

    public override EventList<MemoryFinalizeEvent> Events(ExecutionRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return record.MemoryFinalize;
    }

    /// <exception cref="MemoryEventsException">Addresses do not strictly increase or reach the address space limit.</exception>
    public override void GenerateMainTrace(ExecutionRecord record, Span2D<KoalaBear> rows)
    {
        ArgumentNullException.ThrowIfNull(record);
        var events = record.MemoryFinalize.Span;
        for (var i = 0; i < events.Length; i++)
        {
            var next = NextAddress(record, events, i);
            var row = rows.GetRowSpan(i);
            ref readonly var e = ref events[i];
            WordLimbs.Write(e.Address, row[Address..]);
            row[Shard] = KoalaBear.FromCanonical(e.Shard);
            row[Timestamp] = KoalaBear.FromCanonical(e.Timestamp);
            WordLimbs.Write(e.Value, row[Value..]);
            row[IsReal] = KoalaBear.One;
            s_order.Write(e.Address, next, row);
        }
    }

    public void CountByteLookups(ExecutionRecord record, ByteLookupCounter counter)
    {
        ArgumentNullException.ThrowIfNull(record);
        var events = record.MemoryFinalize.Span;
        for (var i = 0; i < events.Length; i++)
        {
            CountEventByteLookups(in events[i], NextAddress(record, events, i), counter);
        }
    }

    /// <summary>
    /// The lookups of one event's row: the address order's (<paramref name="nextAddress"/>: the next event's
    /// address, null for the last event).
    /// </summary>
    public static void CountEventByteLookups(in MemoryFinalizeEvent e, uint? nextAddress, ByteLookupCounter counter) =>
        AddressOrder.Count(e.Address, nextAddress, counter);

    // The next event's address (null for the last), once the pair is known to fit the address order.
    private static uint? NextAddress(ExecutionRecord record, ReadOnlySpan<MemoryFinalizeEvent> events, int i) =>
        AddressOrder.CheckedNext(ChipName, record.Shard, i, events[i].Address, i + 1 < events.Length ? events[i + 1].Address : null);
}
