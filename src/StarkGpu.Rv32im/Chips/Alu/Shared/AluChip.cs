using CommunityToolkit.HighPerformance;
using StarkGpu.Device;
using StarkGpu.Engine.Chips;
using StarkGpu.Fields;
using StarkGpu.Rv32im.Chips.ByteLookup;
using StarkGpu.Rv32im.Elf;
using StarkGpu.Rv32im.Events;

namespace StarkGpu.Rv32im.Chips.Alu.Shared;

/// <summary>
/// What every ALU chip shares: one row per <see cref="AluEvent"/> of its list in the record, a host row writer,
/// a trace kernel <c>(const AluEvent* events, uint32* out, uint64 height)</c>, and its byte lookups counted per
/// event on the host and by a kernel <c>(const AluEvent* events, uint64 count, uint32* counts, uint32* errors, uint32 replicas)</c>
/// on the device. A chip supplies its columns, constraints, row writer and per-event lookups.
/// </summary>
public abstract class AluChip : EventChip<AluEvent>, IByteLookupSource
{
    public override bool SupportsDeviceMainTracegen => true;

    public bool SupportsDeviceByteLookupCounting => true;

    /// <summary>Entry point writing the column-major trace.</summary>
    protected abstract string TraceKernel { get; }

    /// <summary>Entry point adding the events' byte lookups to the counters.</summary>
    protected abstract string ByteLookupKernel { get; }

    /// <summary>Writes the row of <paramref name="alu"/> into <paramref name="row"/> (given zeroed).</summary>
    protected virtual void WriteRow(in AluEvent alu, Span<KoalaBear> row) => throw new NotSupportedException();

    /// <summary>Adds the lookups the row of <paramref name="alu"/> sends (the chip's static per-event enumeration).</summary>
    protected virtual void CountEventLookups(in AluEvent alu, ByteLookupCounter counter) => throw new NotSupportedException();

    public override void GenerateMainTrace(ExecutionRecord record, Span2D<KoalaBear> rows)
    {
        var events = Events(record).Span;
        for (var i = 0; i < events.Length; i++)
        {
            WriteRow(in events[i], rows.GetRowSpan(i));
        }
    }

    public override void GenerateDeviceMainTrace(ExecutionRecord record, DeviceStream stream, DeviceMle<KoalaBear> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        using var events = AluEventLayout.Stage(stream, Events(record));
        if (output.Height > 0)
        {
            stream.Launch(TraceKernel, output.Height, events, output.Storage, (long)output.Height);
        }
    }

    /// <summary>
    /// The trace, counting on the way the byte lookups it sends when the ByteLookup chip's counters expect them (the
    /// kernel <c>{trace kernel}_counting</c>): the events are read once, not twice.
    /// </summary>
    public override void GenerateDeviceMainTrace(ExecutionRecord record, DeviceTraceContext context, DeviceMle<KoalaBear> output)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(output);
        if (context.Find<ByteLookupScratch>()?.Claim(this) is not { } counts)
        {
            GenerateDeviceMainTrace(record, context.Stream, output);
            return;
        }

        var stream = context.Stream;
        using var events = AluEventLayout.Stage(stream, Events(record));
        stream.Launch(TraceKernel + "_counting", output.Height, events, output.Storage, (long)output.Height, counts.Counts, counts.Errors, counts.Replicas);
    }

    public virtual void CountByteLookups(ExecutionRecord record, ByteLookupCounter counter)
    {
        foreach (ref readonly var alu in Events(record).Span)
        {
            CountEventLookups(in alu, counter);
        }
    }

    public void CountByteLookupsOnDevice(ExecutionRecord record, DeviceStream stream, ByteLookupDeviceCounts counts)
    {
        var span = Events(record).Span;
        if (span.IsEmpty)
        {
            return;
        }

        using var events = AluEventLayout.Stage(stream, Events(record));
        stream.Launch(ByteLookupKernel, span.Length, events, (long)span.Length, counts.Counts, counts.Errors, counts.Replicas);
    }

    /// <summary>For trace comparisons: the event behind a row.</summary>
    public string? DescribeRow(ExecutionRecord record, int row)
    {
        ArgumentNullException.ThrowIfNull(record);
        var events = Events(record);
        if (row >= events.Count)
        {
            return null;
        }

        var alu = events[row];
        return $"{alu.Opcode} a = 0x{alu.A:x8}, b = 0x{alu.B:x8}, c = 0x{alu.C:x8} at pc 0x{alu.Pc:x8}";
    }
}
