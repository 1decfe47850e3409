using CommunityToolkit.HighPerformance;
using StarkGpu.Device;
using StarkGpu.Engine.Chips;
using StarkGpu.Fields;
using StarkGpu.Kernels.Counting;
using StarkGpu.Kernels.Host;
using StarkGpu.Kernels.Traces;
using StarkGpu.Rv32im.Chips.ByteLookup;
using StarkGpu.Rv32im.Chips.ProgramTable;
using StarkGpu.Rv32im.Events;

namespace StarkGpu.Rv32im.Chips.Rows;

/// <summary>
/// A chip whose rows come from one row writer, <typeparamref name="TWriter"/>, one row per event: the writer makes
/// the row-major host trace (the checker's), the column-major host trace (the host backend's fast path), the device
/// trace (the generic kernel, on the CPU accelerator and on a GPU) and every count of its byte lookups, so all of them
/// agree by construction. A chip supplies its events, constraints and the description of a row for errors.
/// </summary>
public abstract class RowWriterChip<TEvent, TWriter> : EventChip<TEvent>, IByteLookupSource
    where TEvent : unmanaged
    where TWriter : struct, IRowWriter<TEvent>
{
    public override int Width => TWriter.Width;

    public override bool SupportsDeviceMainTracegen => true;

    public override bool SupportsHostColumnTracegen => true;

    public bool SupportsDeviceByteLookupCounting => true;

    /// <summary>Whether the rows also count their pc for the Program chip (table 1): the Cpu chip.</summary>
    protected virtual bool CountsProgramRows => false;

    /// <summary>For errors and trace comparisons: the event behind a row, or null past the last.</summary>
    public abstract string? DescribeRow(ExecutionRecord record, int row);

    public override void GenerateMainTrace(ExecutionRecord record, Span2D<KoalaBear> rows)
    {
        if (!rows.TryGetSpan(out var cells))
        {
            throw new ArgumentException($"chip {Name}: the trace rows must be contiguous", nameof(rows));
        }

        var counters = default(NoCounters);
        ThrowIfRefused(record, HostRows.WriteRowMajor<TWriter, TEvent, NoCounters>(Events(record).Span, cells, ref counters));
    }

    public override unsafe void GenerateMainTraceColumns(ExecutionRecord record, Span<KoalaBear> columns)
    {
        var events = Events(record).Span;
        if (columns.Length < (long)events.Length * Width)
        {
            throw new ArgumentException($"chip {Name}: {events.Length} rows of {Width} columns do not fit {columns.Length} cells", nameof(columns));
        }

        fixed (KoalaBear* trace = columns)
        {
            ThrowIfRefused(record, HostTraces.WriteColumns<TWriter, TEvent>(events, trace, events.Length));
        }
    }

    public override void GenerateDeviceMainTrace(ExecutionRecord record, DeviceStream stream, DeviceMle<KoalaBear> output) =>
        ThrowIfFailed(record, DeviceRows.Write<TWriter, TEvent>(stream, Events(record).Memory, output, null, null));

    /// <summary>The trace, counting on the way what the ByteLookup (and Program) chips' counters of the call expect from it.</summary>
    public override void GenerateDeviceMainTrace(ExecutionRecord record, DeviceTraceContext context, DeviceMle<KoalaBear> output)
    {
        ArgumentNullException.ThrowIfNull(context);
        var bytes = context.Find<ByteLookupScratch>()?.Claim(this);
        var pcs = CountsProgramRows ? context.Find<ProgramScratch>()?.Claim() : null;
        ThrowIfFailed(record, DeviceRows.Write<TWriter, TEvent>(context.Stream, Events(record).Memory, output, bytes, pcs));
    }

    public void CountByteLookups(ExecutionRecord record, ByteLookupCounter counter) =>
        ByteLookupCounts.CountOnHost<TWriter, TEvent>(Name, Events(record).Span, counter);

    public void CountByteLookupsOnDevice(ExecutionRecord record, DeviceStream stream, DeviceCounterTable counts) =>
        ThrowIfFailed(record, DeviceRows.Count<TWriter, TEvent>(stream, Events(record).Memory, counts, null));

    /// <summary>Counts the rows' pcs alone into the Program chip's table (when the Cpu chip's trace did not).</summary>
    internal void CountProgramRowsOnDevice(ExecutionRecord record, DeviceStream stream, DeviceCounterTable pcs) =>
        ThrowIfFailed(record, DeviceRows.Count<TWriter, TEvent>(stream, Events(record).Memory, null, pcs));

    /// <summary>The error for rows whose pc is not an instruction of the program (only chips that count program rows).</summary>
    protected virtual Exception ProgramRowsOutside(ExecutionRecord record, uint count) =>
        new InvalidOperationException($"chip {Name}: {count} rows counted outside the Program table");

    private void ThrowIfFailed(ExecutionRecord record, RowChecks checks)
    {
        if (checks.Refused != 0)
        {
            ThrowIfRefused(record, checks.FirstRefusedRow);
        }

        if (checks.ByteLookupErrors != 0)
        {
            throw new ByteLookupRangeException(Name, $"{checks.ByteLookupErrors} byte lookup(s) outside the ByteLookup table, counted on the device");
        }

        if (checks.ProgramErrors != 0)
        {
            throw ProgramRowsOutside(record, checks.ProgramErrors);
        }
    }

    private void ThrowIfRefused(ExecutionRecord record, long row)
    {
        if (row >= 0)
        {
            throw new InvalidOperationException($"chip {Name}, row {row}: {DescribeRow(record, (int)row)} cannot be a row of the chip");
        }
    }
}
