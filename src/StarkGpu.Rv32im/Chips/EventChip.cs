using StarkGpu.Engine.Chips;
using StarkGpu.Rv32im.Elf;
using StarkGpu.Rv32im.Events;

namespace StarkGpu.Rv32im.Chips;

/// <summary>
/// A chip with one main-trace row per event of one of the record's lists: it is included when the list has events,
/// and its height is their number.
/// </summary>
public abstract class EventChip<TEvent> : Chip<ExecutionRecord, Program>
    where TEvent : struct
{
    /// <summary>The chip's events in <paramref name="record"/>, one per row.</summary>
    public abstract EventList<TEvent> Events(ExecutionRecord record);

    public override bool Included(ExecutionRecord record) => Events(record).Count > 0;

    public override int MainHeight(ExecutionRecord record) => Events(record).Count;
}
