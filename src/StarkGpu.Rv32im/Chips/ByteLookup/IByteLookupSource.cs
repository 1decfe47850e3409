using StarkGpu.Device;
using StarkGpu.Rv32im.Chips.Rows;
using StarkGpu.Rv32im.Events;

namespace StarkGpu.Rv32im.Chips.ByteLookup;

/// <summary>
/// A chip that sends lookups on <see cref="Rv32imBuses.Byte"/>, seen by <see cref="ByteLookupChip"/>, which must
/// receive every one of them: the source counts, from the record alone, exactly the lookups its trace sends with
/// a non-zero multiplicity (each with multiplicity one), so that the ByteLookup multiplicities balance the bus.
/// A chip's lookups are counted where its rows are written: its row writer (<c>IRowWriter</c>) adds them to table
/// <see cref="ByteLookupCounts.Table"/> of its counters, and the host count runs that writer over the events
/// (<see cref="ByteLookupCounts.CountOnHost{TWriter, TEvent}(string, ReadOnlySpan{TEvent}, ByteLookupCounter)"/>), so
/// the lookups a chip sends are enumerated once.
/// </summary>
/// <remarks>
/// <see cref="Name"/> and <see cref="Included"/> are the chip's own (a <c>Chip</c> implements them already).
/// Counting must be deterministic: counts are integers, so any order of additions gives the same counts.
/// </remarks>
public interface IByteLookupSource
{
    /// <summary>Names the source in errors.</summary>
    string Name { get; }

    /// <summary>Whether the source has anything in <paramref name="record"/> (if not, it is not asked to count).</summary>
    bool Included(ExecutionRecord record);

    /// <summary>Adds every byte lookup of <paramref name="record"/> to <paramref name="counter"/> on the host.</summary>
    void CountByteLookups(ExecutionRecord record, ByteLookupCounter counter);

    /// <summary>Whether <see cref="CountByteLookupsOnDevice"/> is implemented; if not, the host count is uploaded.</summary>
    bool SupportsDeviceByteLookupCounting => false;

    /// <summary>
    /// Adds the same lookups as <see cref="CountByteLookups"/> to <paramref name="counts"/> with kernels on
    /// <paramref name="stream"/> (events staged by the source); throws naming the source for a lookup outside the table.
    /// </summary>
    void CountByteLookupsOnDevice(ExecutionRecord record, DeviceStream stream, DeviceCounterTable counts) =>
        throw new NotSupportedException($"chip {Name} does not count its byte lookups on the device");
}
