using StarkGpu.Device;
using StarkGpu.Engine.Chips;
using StarkGpu.Kernels.Counting;
using StarkGpu.Kernels.Traces;
using StarkGpu.Rv32im.Chips;
using StarkGpu.Rv32im.Chips.ByteLookup;
using StarkGpu.Rv32im.Chips.Rows;
using StarkGpu.Rv32im.Events;

namespace StarkGpu.Rv32im.Tests.Chips.Support;

/// <summary>
/// A test source of byte lookups given as a list, counted on the host and, if <paramref name="onDevice"/>, by the
/// generic counting kernel over <see cref="ListedLookupRow"/>: exercises ByteLookup's mixed host/device counting and
/// its range errors.
/// </summary>
public sealed class ListedByteLookups(string name, bool onDevice, params (ByteOpcode Op, uint B, uint C)[] lookups) : IByteLookupSource
{
    public string Name => name;

    public bool SupportsDeviceByteLookupCounting => onDevice;

    public bool Included(ExecutionRecord record) => lookups.Length > 0;

    public void CountByteLookups(ExecutionRecord record, ByteLookupCounter counter)
    {
        foreach (var (op, b, c) in lookups)
        {
            counter.Add(op, b, c);
        }
    }

    public void CountByteLookupsOnDevice(ExecutionRecord record, DeviceStream stream, DeviceCounterTable counts)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var listed = lookups.Select(l => new ListedLookup { Op = (uint)l.Op, B = l.B, C = l.C }).ToArray();
        var checks = DeviceRowWriters.Count<ListedLookupRow, ListedLookup, DeviceCounters>(
            stream, listed, errors => new DeviceCounters
            {
                Table0 = counts.Sets,
                Cells0 = counts.Cells,
                Errors = errors,
                Sets = stream.Accelerator.CounterSets,
                Exclusive = stream.Accelerator.CountersExclusive,
            });
        if (checks.ByteLookupErrors != 0)
        {
            throw new ByteLookupRangeException(Name, $"{checks.ByteLookupErrors} byte lookup(s) outside the ByteLookup table, counted on the device");
        }
    }
}

/// <summary>One listed lookup (op, b, c), as the counting kernel reads it.</summary>
public struct ListedLookup
{
    public uint Op;
    public uint B;
    public uint C;
}

/// <summary>A row writer with no columns that counts its event's lookup.</summary>
public readonly struct ListedLookupRow : IRowWriter<ListedLookup>
{
    public static int Width => 0;

    public static bool Write<TRow, TCounters>(in ListedLookup e, long index, ref TRow row, ref TCounters counters)
        where TRow : struct, ITraceRow
        where TCounters : struct, ICounters<TCounters>
    {
        ByteLookupCounts.Add(ref counters, (ByteOpcode)e.Op, e.B, e.C);
        return true;
    }
}
