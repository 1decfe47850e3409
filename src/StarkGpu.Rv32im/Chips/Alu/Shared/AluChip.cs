using StarkGpu.Device;
using StarkGpu.Engine.Chips;
using StarkGpu.Fields;
using StarkGpu.Rv32im.Chips.ByteLookup;
using StarkGpu.Rv32im.Elf;
using StarkGpu.Rv32im.Events;

namespace StarkGpu.Rv32im.Chips.Alu.Shared;

/// <summary>
/// What every ALU chip shares: one row per <see cref="AluEvent"/> of its list in the record; a row writer, which
/// <see cref="AluRowChip{TWriter}"/> runs for the host trace and the host byte-lookup count; a trace kernel
/// <c>(const AluEvent* events, uint32* out, uint64 height)</c>; and a kernel counting its byte lookups on the device
/// <c>(const AluEvent* events, uint64 count, uint32* counts, uint32* errors, uint32 replicas)</c>. A chip supplies its
/// columns, constraints and row writer. Machines and tests hold ALU chips by this non-generic type, which is why the
/// writer's generic half is a class of its own.
/// </summary>
public abstract class AluChip : EventChip<AluEvent>, IByteLookupSource
{
    public override bool SupportsDeviceMainTracegen => true;

    public bool SupportsDeviceByteLookupCounting => true;

    /// <summary>Entry point writing the column-major trace.</summary>
    protected abstract string TraceKernel { get; }

    /// <summary>Entry point adding the events' byte lookups to the counters.</summary>
    protected abstract string ByteLookupKernel { get; }

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

    /// <summary>Adds the byte lookups of the chip's rows to <paramref name="counter"/> on the host (from the chip's row writer).</summary>
    public abstract void CountByteLookups(ExecutionRecord record, ByteLookupCounter counter);

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
