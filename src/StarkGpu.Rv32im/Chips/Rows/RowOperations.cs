using StarkGpu.Device;
using StarkGpu.Engine.Chips;
using StarkGpu.Fields;
using StarkGpu.Kernels;
using StarkGpu.Kernels.Counting;
using StarkGpu.Kernels.Host;
using StarkGpu.Kernels.Traces;
using StarkGpu.Rv32im.Chips.ByteLookup;

namespace StarkGpu.Rv32im.Chips.Rows;

/// <summary>
/// Everything a <see cref="RowWriterChip{TEvent}"/> does with its writer, bound to the writer's type once
/// (<see cref="RowOperations{TEvent, TWriter}"/>), so that chips can be held by a type that does not name the writer.
/// </summary>
public interface IRowOperations<TEvent> where TEvent : unmanaged
{
    /// <summary>Columns of a row.</summary>
    int Width { get; }

    /// <summary>The row-major host trace; returns the first refused row or -1.</summary>
    long WriteRowMajor(ReadOnlySpan<TEvent> events, Span<KoalaBear> cells);

    /// <summary>The column-major host trace (tiles, vector conversion, all cores); returns the first refused row or -1.</summary>
    long WriteColumns(ReadOnlySpan<TEvent> events, Span<KoalaBear> columns);

    /// <summary>The column-major host trace, worker w counting into <paramref name="perWorker"/>[w]; returns the first refused row or -1.</summary>
    long WriteColumns(ReadOnlySpan<TEvent> events, Span<KoalaBear> columns, ReadOnlySpan<HostCounters> perWorker);

    /// <summary>The device trace by the generic kernel, counting into the tables given.</summary>
    RowChecks WriteOnDevice(DeviceStream stream, ReadOnlyMemory<TEvent> events, DeviceMle<KoalaBear> output, DeviceCounterTable? bytes, DeviceCounterTable? pcs);

    /// <summary>The counting alone, by the generic kernel.</summary>
    RowChecks CountOnDevice(DeviceStream stream, ReadOnlyMemory<TEvent> events, DeviceCounterTable? bytes, DeviceCounterTable? pcs);

    /// <summary>The byte lookups counted on the host (see <see cref="ByteLookupCounts.CountOnHost{TWriter, TEvent}(string, ReadOnlySpan{TEvent}, ByteLookupCounter, Func{long, string})"/>).</summary>
    void CountByteLookupsOnHost(string chip, ReadOnlySpan<TEvent> events, ByteLookupCounter counter, Func<long, string> refusal);

    /// <summary>The kernels these operations launch, named after <paramref name="chip"/>, for the GPU check.</summary>
    IEnumerable<KernelEntry> Kernels(string chip);
}

/// <summary>The operations of <see cref="IRowOperations{TEvent}"/> for the writer <typeparamref name="TWriter"/>.</summary>
public sealed class RowOperations<TEvent, TWriter> : IRowOperations<TEvent>
    where TEvent : unmanaged
    where TWriter : struct, IRowWriter<TEvent>
{
    public static RowOperations<TEvent, TWriter> Instance { get; } = new();

    private RowOperations()
    {
    }

    public int Width => TWriter.Width;

    public long WriteRowMajor(ReadOnlySpan<TEvent> events, Span<KoalaBear> cells)
    {
        var counters = default(NoCounters);
        return HostRows.WriteRowMajor<TWriter, TEvent, NoCounters>(events, cells, ref counters);
    }

    public unsafe long WriteColumns(ReadOnlySpan<TEvent> events, Span<KoalaBear> columns)
    {
        CheckFits(events, columns);
        fixed (KoalaBear* trace = columns)
        {
            return HostTraces.WriteColumns<TWriter, TEvent>(events, trace, events.Length);
        }
    }

    public unsafe long WriteColumns(ReadOnlySpan<TEvent> events, Span<KoalaBear> columns, ReadOnlySpan<HostCounters> perWorker)
    {
        CheckFits(events, columns);
        fixed (KoalaBear* trace = columns)
        {
            return HostTraces.WriteColumns<TWriter, TEvent, HostCounters>(events, trace, events.Length, perWorker);
        }
    }

    private void CheckFits(ReadOnlySpan<TEvent> events, Span<KoalaBear> columns)
    {
        if (columns.Length < (long)events.Length * Width)
        {
            throw new ArgumentException($"{events.Length} rows of {Width} columns do not fit {columns.Length} cells", nameof(columns));
        }
    }

    public RowChecks WriteOnDevice(DeviceStream stream, ReadOnlyMemory<TEvent> events, DeviceMle<KoalaBear> output, DeviceCounterTable? bytes, DeviceCounterTable? pcs) =>
        DeviceRows.Write<TWriter, TEvent>(stream, events, output, bytes, pcs);

    public RowChecks CountOnDevice(DeviceStream stream, ReadOnlyMemory<TEvent> events, DeviceCounterTable? bytes, DeviceCounterTable? pcs) =>
        DeviceRows.Count<TWriter, TEvent>(stream, events, bytes, pcs);

    public void CountByteLookupsOnHost(string chip, ReadOnlySpan<TEvent> events, ByteLookupCounter counter, Func<long, string> refusal) =>
        ByteLookupCounts.CountOnHost<TWriter, TEvent>(chip, events, counter, refusal);

    public IEnumerable<KernelEntry> Kernels(string chip)
    {
        var name = chip.ToLowerInvariant();
        yield return new KernelEntry($"{name}.trace", TraceKernels.WriteRowsMethod<TWriter, TEvent, NoCounters>());
        yield return new KernelEntry($"{name}.trace-counting", TraceKernels.WriteRowsMethod<TWriter, TEvent, DeviceCounters>());
        yield return new KernelEntry($"{name}.count", TraceKernels.CountRowsMethod<TWriter, TEvent, DeviceCounters>());
    }
}
