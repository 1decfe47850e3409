using ILGPU;
using StarkGpu.Device;
using StarkGpu.Engine.Chips;
using StarkGpu.Fields;
using StarkGpu.Kernels.Counting;
using StarkGpu.Kernels.Traces;

namespace StarkGpu.Rv32im.Chips.Rows;

/// <summary>
/// Runs an RV32IM row writer on the device (<see cref="DeviceRowWriters"/>), counting its byte lookups into table 0
/// and its program rows into table 1 of <see cref="DeviceCounters"/> when those tables are given.
/// </summary>
internal static class DeviceRows
{
    /// <summary>Writes <paramref name="events"/>' rows into <paramref name="output"/>, counting into the tables given.</summary>
    public static RowChecks Write<TWriter, TEvent>(
        DeviceStream stream, ReadOnlyMemory<TEvent> events, DeviceMle<KoalaBear> output, DeviceCounterTable? bytes, DeviceCounterTable? pcs)
        where TWriter : struct, IRowWriter<TEvent>
        where TEvent : unmanaged
    {
        ArgumentNullException.ThrowIfNull(stream);
        return bytes is null && pcs is null
            ? DeviceRowWriters.Write<TWriter, TEvent>(stream, events, output)
            : DeviceRowWriters.Write<TWriter, TEvent, DeviceCounters>(stream, events, output, errors => Counters(stream.Accelerator, bytes, pcs, errors));
    }

    /// <summary>Counts <paramref name="events"/>' lookups into the tables given, without a trace.</summary>
    public static RowChecks Count<TWriter, TEvent>(DeviceStream stream, ReadOnlyMemory<TEvent> events, DeviceCounterTable? bytes, DeviceCounterTable? pcs)
        where TWriter : struct, IRowWriter<TEvent>
        where TEvent : unmanaged
    {
        ArgumentNullException.ThrowIfNull(stream);
        return bytes is null && pcs is null
            ? RowChecks.None
            : DeviceRowWriters.Count<TWriter, TEvent, DeviceCounters>(stream, events, errors => Counters(stream.Accelerator, bytes, pcs, errors));
    }

    private static DeviceCounters Counters(Accelerator accelerator, DeviceCounterTable? bytes, DeviceCounterTable? pcs, ArrayView<uint> errors)
    {
        var counters = new DeviceCounters
        {
            Errors = errors,
            Sets = accelerator.CounterSets,
            Exclusive = accelerator.CountersExclusive,
        };
        if (bytes is { } b)
        {
            CheckSets(b, accelerator);
            counters.Table0 = b.Sets;
            counters.Cells0 = b.Cells;
        }

        if (pcs is { } p)
        {
            CheckSets(p, accelerator);
            counters.Table1 = p.Sets;
            counters.Cells1 = p.Cells;
            counters.Base1 = p.Base;
            counters.Shift1 = p.Shift;
        }

        return counters;
    }

    private static void CheckSets(DeviceCounterTable table, Accelerator accelerator)
    {
        if (table.SetCount < accelerator.CounterSets || table.Sets.Length < (long)table.SetCount * table.Cells)
        {
            throw new ArgumentException($"a counter table of {table.SetCount} sets of {table.Cells} cells in {table.Sets.Length} counters does not serve {accelerator.CounterSets} workers");
        }
    }
}
