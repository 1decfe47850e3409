using CommunityToolkit.HighPerformance;
using StarkGpu.Engine.Air;
using StarkGpu.Engine.Chips;
using StarkGpu.Fields;
using StarkGpu.Rv32im.Chips.Alu.Shared;
using StarkGpu.Rv32im.Chips.ByteLookup;
using StarkGpu.Rv32im.Elf;
using StarkGpu.Rv32im.Events;
using static StarkGpu.Rv32im.Chips.Memory.MemoryInitColumns;

namespace StarkGpu.Rv32im.Chips.Memory;

/// <summary>
/// The initial state of every touched address outside the program image: one row per
/// <see cref="ExecutionRecord.MemoryInitialize"/> event (only the last shard's record has them), each sending
/// (address, 0, 0, value) on <see cref="Rv32imBuses.MemoryGlobal"/>. The value is the prover's (a hint word, or
/// zero), so its limbs are range-checked; addresses strictly increase (<see cref="AddressOrder"/>), so no address
/// gets two initial states; and register x0 must start at 0.
/// </summary>
/// <remarks>Host only: one row per touched address of the whole execution, written once per proof.</remarks>
public sealed class MemoryInitChip : EventChip<MemoryInitializeEvent>, IByteLookupSource
{
    public const string ChipName = "MemoryInit";

    private static readonly AddressOrder s_order = new(Address, IsReal, Order);

    public override string Name => ChipName;

    public override int Width => MemoryInitColumns.Width;

    public override void Eval<TExpr>(IAirBuilder<TExpr> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var address = WordLimbs.Local(builder, Address);
        var value = WordLimbs.Local(builder, Value);
        var isReal = builder.Local(IsReal);
        var isX0 = builder.Local(IsX0);

        builder.AssertBool("is_real is boolean", isReal);

        // The memory boundary lies in the last shard alone, so each address gets one initial and one final state.
        builder.AssertZero("is_real only in the last shard", isReal * (TExpr.One - builder.PublicValue(PublicValueIndex.IsLastShard)));
        WordRangeCheck.Send(builder, value, isReal);

        // is_x0 is forced to is_real where the limb sum (of range-checked bytes, so zero only for address 0) is
        // zero, and to zero elsewhere.
        var limbSum = address[0] + address[1] + address[2] + address[3];
        builder.AssertEqual("is_x0 = is_real - limb sum * inverse", isX0, isReal - (limbSum * builder.Local(AddressSumInverse)));
        builder.AssertZero("is_x0 only at address 0", limbSum * isX0);
        for (var i = 0; i < WordLimbs.Count; i++)
        {
            builder.When(isX0).AssertZero($"x0 starts at 0 (byte {i})", value[i]);
        }

        s_order.Eval(builder);
        MemoryBus.Send(builder, Rv32imBuses.MemoryGlobal, WordLimbs.Recompose(address), TExpr.Zero, TExpr.Zero, value, isReal);
    }

    public override EventList<MemoryInitializeEvent> Events(ExecutionRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return record.MemoryInitialize;
    }

    /// <exception cref="MemoryEventsException">Addresses do not strictly increase or reach the address space limit.</exception>
    public override void GenerateMainTrace(ExecutionRecord record, Span2D<KoalaBear> rows)
    {
        ArgumentNullException.ThrowIfNull(record);
        var events = record.MemoryInitialize.Span;
        for (var i = 0; i < events.Length; i++)
        {
            var next = NextAddress(record, events, i);
            var row = rows.GetRowSpan(i);
            var address = events[i].Address;
            WordLimbs.Write(address, row[Address..]);
            WordLimbs.Write(events[i].Value, row[Value..]);
            row[IsReal] = KoalaBear.One;
            if (address == 0)
            {
                row[IsX0] = KoalaBear.One;
            }
            else
            {
                var limbSum = WordLimbs.Byte(address, 0) + WordLimbs.Byte(address, 1) + WordLimbs.Byte(address, 2) + WordLimbs.Byte(address, 3);
                row[AddressSumInverse] = KoalaBear.FromCanonical(limbSum).Inverse();
            }

            s_order.Write(address, next, row);
        }
    }

    public void CountByteLookups(ExecutionRecord record, ByteLookupCounter counter)
    {
        ArgumentNullException.ThrowIfNull(record);
        var events = record.MemoryInitialize.Span;
        for (var i = 0; i < events.Length; i++)
        {
            CountEventByteLookups(in events[i], NextAddress(record, events, i), counter);
        }
    }

    /// <summary>
    /// The lookups of one event's row: its value's range checks and the address order's lookups
    /// (<paramref name="nextAddress"/>: the next event's address, null for the last event).
    /// </summary>
    public static void CountEventByteLookups(in MemoryInitializeEvent e, uint? nextAddress, ByteLookupCounter counter)
    {
        WordRangeCheck.Count(e.Value, counter);
        AddressOrder.Count(e.Address, nextAddress, counter);
    }

    // The next event's address (null for the last), once the pair is known to fit the address order.
    private static uint? NextAddress(ExecutionRecord record, ReadOnlySpan<MemoryInitializeEvent> events, int i) =>
        AddressOrder.CheckedNext(ChipName, record.Shard, i, events[i].Address, i + 1 < events.Length ? events[i + 1].Address : null);
}
