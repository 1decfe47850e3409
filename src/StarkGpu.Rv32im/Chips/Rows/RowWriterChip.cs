using CommunityToolkit.HighPerformance;
using StarkGpu.Device;
using StarkGpu.Engine.Chips;
using StarkGpu.Fields;
using StarkGpu.Kernels.Host;
using StarkGpu.Rv32im.Chips.ByteLookup;
using StarkGpu.Rv32im.Chips.ProgramTable;
using StarkGpu.Rv32im.Events;

namespace StarkGpu.Rv32im.Chips.Rows;

/// <summary>
/// A chip whose rows come from one row writer (<see cref="Rows"/>), one row per event: the writer makes the row-major
/// host trace (the checker's), the column-major host trace (the host backend's fast path), the device trace (the
/// generic kernel, on the CPU accelerator and on a GPU) and every count of its lookups, so all of them agree by
/// construction. A chip supplies its events, constraints, writer and the description of a row for errors; one that
/// sends byte lookups also declares <see cref="IByteLookupSource"/>, which the public counting members here satisfy.
/// </summary>
public abstract class RowWriterChip<TEvent> : EventChip<TEvent>
    where TEvent : unmanaged
{
    /// <summary>The chip's row writer, bound to its type (<c>RowOperations&lt;TEvent, TWriter&gt;.Instance</c>).</summary>
    protected abstract IRowOperations<TEvent> Rows { get; }

    public override int Width => Rows.Width;

    public override bool SupportsDeviceMainTracegen => true;

    public override bool SupportsHostColumnTracegen => true;

    public bool SupportsDeviceByteLookupCounting => true;

    /// <summary>Whether the rows also count their pc for the Program chip (table 1): the Cpu chip.</summary>
    protected virtual bool CountsProgramRows => false;

    /// <summary>For errors: the event behind a row, or null past the last.</summary>
    protected abstract string? Describe(ExecutionRecord record, int row);

    public override void GenerateMainTrace(ExecutionRecord record, Span2D<KoalaBear> rows)
    {
        if (!rows.TryGetSpan(out var cells))
        {
            throw new ArgumentException($"chip {Name}: the trace rows must be contiguous", nameof(rows));
        }

        ThrowIfRefused(record, Rows.WriteRowMajor(Events(record).Span, cells));
    }

    public override void GenerateMainTraceColumns(ExecutionRecord record, Span<KoalaBear> columns) =>
        ThrowIfRefused(record, Rows.WriteColumns(Events(record).Span, columns));

    /// <summary>
    /// The column-major host trace, counting on the way what the ByteLookup (and Program) chips' host counters of the
    /// call expect from it (<see cref="HostByteLookupScratch"/>, <see cref="HostProgramScratch"/>): the fused pass of
    /// the host backend, one set of counters per worker.
    /// </summary>
    public override unsafe void GenerateMainTraceColumns(ExecutionRecord record, DeviceTraceContext context, Span<KoalaBear> columns)
    {
        ArgumentNullException.ThrowIfNull(context);
        var bytes = this is IByteLookupSource source ? context.Find<HostByteLookupScratch>()?.Claim(source) : null;
        var program = CountsProgramRows ? context.Find<HostProgramScratch>() : null;
        var pcs = program?.Claim();
        if (bytes is null && pcs is null)
        {
            GenerateMainTraceColumns(record, columns);
            return;
        }

        // One set per worker: table 0 from the ByteLookup sets, table 1 from the Program sets; the errors of both
        // tables go to the first set given.
        var errors = bytes ?? pcs!;
        var perWorker = new HostCounters[errors.Sets];
        for (var w = 0; w < perWorker.Length; w++)
        {
            var counters = bytes?[w] ?? default;
            if (pcs is not null)
            {
                var program1 = pcs[w];
                counters.Table1 = program1.Table1;
                counters.Cells1 = program1.Cells1;
                counters.Base1 = program1.Base1;
                counters.Shift1 = program1.Shift1;
            }

            counters.Errors = errors[w].Errors;
            perWorker[w] = counters;
        }

        var byteErrors = errors.Errors(0);
        var pcErrors = errors.Errors(1);
        ThrowIfRefused(record, Rows.WriteColumns(Events(record).Span, columns, perWorker));
        if (errors.Errors(0) != byteErrors)
        {
            throw new ByteLookupRangeException(Name, $"{errors.Errors(0) - byteErrors} byte lookup(s) outside the ByteLookup table");
        }

        program?.CountedOutside(errors.Errors(1) - pcErrors);
    }

    public override void GenerateDeviceMainTrace(ExecutionRecord record, DeviceStream stream, DeviceMle<KoalaBear> output) =>
        ThrowIfFailed(record, Rows.WriteOnDevice(stream, Events(record).Memory, output, null, null));

    /// <summary>The trace, counting on the way what the ByteLookup (and Program) chips' counters of the call expect from it.</summary>
    public override void GenerateDeviceMainTrace(ExecutionRecord record, DeviceTraceContext context, DeviceMle<KoalaBear> output)
    {
        ArgumentNullException.ThrowIfNull(context);
        var bytes = this is IByteLookupSource source ? context.Find<ByteLookupScratch>()?.Claim(source) : null;
        var program = CountsProgramRows ? context.Find<ProgramScratch>() : null;
        var pcs = program?.Claim();
        ThrowIfFailed(record, Rows.WriteOnDevice(context.Stream, Events(record).Memory, output, bytes, pcs), program);
    }

    /// <summary>Adds the rows' byte lookups to <paramref name="counter"/> on the host.</summary>
    public void CountByteLookups(ExecutionRecord record, ByteLookupCounter counter) =>
        Rows.CountByteLookupsOnHost(Name, Events(record).Span, counter, row => RefusedRow(record, row).Message);

    /// <summary>Adds the rows' byte lookups to the device counters <paramref name="counts"/>.</summary>
    public void CountByteLookupsOnDevice(ExecutionRecord record, DeviceStream stream, DeviceCounterTable counts) =>
        ThrowIfFailed(record, Rows.CountOnDevice(stream, Events(record).Memory, counts, null));

    /// <summary>The error for row <paramref name="row"/>, which the writer refused.</summary>
    protected virtual Exception RefusedRow(ExecutionRecord record, long row) =>
        new InvalidOperationException($"chip {Name}, row {row}: {Describe(record, (int)row)} cannot be a row of the chip");

    private void ThrowIfFailed(ExecutionRecord record, RowChecks checks, ProgramScratch? program = null)
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
            // A pc outside the program is the Program chip's fact to report (it runs after this chip); without its
            // scratch there is nobody else to tell.
            if (program is null)
            {
                throw new InvalidOperationException($"chip {Name}: {checks.ProgramErrors} rows counted outside the Program table");
            }

            program.CountedOutside(checks.ProgramErrors);
        }
    }

    private void ThrowIfRefused(ExecutionRecord record, long row)
    {
        if (row >= 0)
        {
            throw RefusedRow(record, row);
        }
    }
}
