using StarkGpu.Fields;
using StarkGpu.Kernels.Counting;
using StarkGpu.Kernels.Traces;

namespace StarkGpu.Kernels.Host;

/// <summary>
/// The fast host path: a chip's row writer run on the .NET thread pool straight into a column-major trace
/// (<c>[width x height]</c>, cell (c, r) at <c>trace[c * height + r]</c>, the layout a device trace has), near memory
/// bandwidth: workers take contiguous chunks of sixteen-row tiles, fill each tile with plain values in L1, convert a
/// column's sixteen cells at once with vector instructions and stream them out as whole 64-byte lines
/// (<see cref="TileLines"/>). The trace is the same bits as <see cref="HostRows.WriteRowMajor"/> transposed, whatever
/// the number of workers.
/// </summary>
public static unsafe class HostTraces
{
    /// <summary>Writes the trace without counting (<see cref="NoCounters"/>); <paramref name="workers"/> 0 means one per processor.</summary>
    /// <returns>The first row the writer refused, or -1.</returns>
    public static long WriteColumns<TWriter, TEvent>(ReadOnlySpan<TEvent> events, KoalaBear* trace, long height, int workers = 0)
        where TWriter : struct, IRowWriter<TEvent>
        where TEvent : unmanaged
    {
        var none = new NoCounters[HostWorkers.Resolve(workers)];
        return WriteColumns<TWriter, TEvent, NoCounters>(events, trace, height, none);
    }

    /// <summary>
    /// Writes rows [0, <paramref name="height"/>) of the trace at <paramref name="trace"/> from the first
    /// <paramref name="height"/> events, with one worker per entry of <paramref name="perWorker"/>: worker w counts
    /// into <c>perWorker[w].ForWorker(w)</c> only (give each its own set: increments are plain).
    /// </summary>
    /// <returns>The first row the writer refused (the smallest over all workers), or -1.</returns>
    public static long WriteColumns<TWriter, TEvent, TCounters>(ReadOnlySpan<TEvent> events, KoalaBear* trace, long height, ReadOnlySpan<TCounters> perWorker)
        where TWriter : struct, IRowWriter<TEvent>
        where TEvent : unmanaged
        where TCounters : struct, ICounters<TCounters>
    {
        fixed (TEvent* first = events)
        {
            return WriteColumns<TWriter, TEvent, TCounters>(first, events.Length, trace, height, perWorker);
        }
    }

    /// <summary>
    /// <see cref="WriteColumns{TWriter, TEvent, TCounters}(ReadOnlySpan{TEvent}, KoalaBear*, long, ReadOnlySpan{TCounters})"/>
    /// over <paramref name="count"/> events at <paramref name="events"/> (at least <paramref name="height"/>).
    /// </summary>
    public static long WriteColumns<TWriter, TEvent, TCounters>(TEvent* events, long count, KoalaBear* trace, long height, ReadOnlySpan<TCounters> perWorker)
        where TWriter : struct, IRowWriter<TEvent>
        where TEvent : unmanaged
        where TCounters : struct, ICounters<TCounters>
    {
        ArgumentOutOfRangeException.ThrowIfNegative(height);
        if (count < height)
        {
            throw new ArgumentException($"{height} rows need {height} events, not {count}", nameof(count));
        }

        if (perWorker.IsEmpty)
        {
            throw new ArgumentException("at least one worker (one set of counters) is needed", nameof(perWorker));
        }

        if (height == 0)
        {
            return -1;
        }

        CheckTrace(trace);
        var job = new WriteColumnsJob<TWriter, TEvent, TCounters> { Events = events, Trace = (uint*)trace, Height = height, PerWorker = perWorker.ToArray() };
        return HostWorkers.Run(job, height / MontgomeryLines.Cells, perWorker.Length);
    }

    /// <summary>Counts the lookups of the rows of <paramref name="events"/> without storing them, worker w into <c>perWorker[w]</c>.</summary>
    /// <returns>The first row the writer refused (the smallest over all workers), or -1.</returns>
    public static long Count<TWriter, TEvent, TCounters>(ReadOnlySpan<TEvent> events, ReadOnlySpan<TCounters> perWorker)
        where TWriter : struct, IRowWriter<TEvent>
        where TEvent : unmanaged
        where TCounters : struct, ICounters<TCounters>
    {
        fixed (TEvent* first = events)
        {
            return Count<TWriter, TEvent, TCounters>(first, events.Length, perWorker);
        }
    }

    /// <summary><see cref="Count{TWriter, TEvent, TCounters}(ReadOnlySpan{TEvent}, ReadOnlySpan{TCounters})"/> over <paramref name="count"/> events at <paramref name="events"/>.</summary>
    public static long Count<TWriter, TEvent, TCounters>(TEvent* events, long count, ReadOnlySpan<TCounters> perWorker)
        where TWriter : struct, IRowWriter<TEvent>
        where TEvent : unmanaged
        where TCounters : struct, ICounters<TCounters>
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (perWorker.IsEmpty)
        {
            throw new ArgumentException("at least one worker (one set of counters) is needed", nameof(perWorker));
        }

        if (count == 0)
        {
            return -1;
        }

        var job = new CountJob<TWriter, TEvent, TCounters> { Events = events, PerWorker = perWorker.ToArray() };
        return HostWorkers.Run(job, count, perWorker.Length);
    }

    /// <summary>
    /// Transposes the row-major <c>[rows x cols]</c> trace at <paramref name="rowMajor"/> into the column-major
    /// <c>[cols x rows]</c> one at <paramref name="columnMajor"/> (not overlapping), sixteen rows at a time per worker,
    /// for host chips whose writers are still row-major; <paramref name="workers"/> 0 means one per processor.
    /// </summary>
    public static void TransposeToColumns(KoalaBear* rowMajor, int rows, int cols, KoalaBear* columnMajor, int workers = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        ArgumentOutOfRangeException.ThrowIfNegative(cols);
        var used = HostWorkers.Resolve(workers);
        if (rows == 0 || cols == 0)
        {
            return;
        }

        CheckTrace(columnMajor);
        var job = new TransposeJob { Rows = (uint*)rowMajor, Columns = (uint*)columnMajor, RowCount = rows, ColumnCount = cols };
        HostWorkers.Run(job, rows / MontgomeryLines.Cells, used);
    }

    private static void CheckTrace(KoalaBear* trace)
    {
        if (trace == null || (nuint)trace % sizeof(uint) != 0)
        {
            throw new ArgumentException("a trace must be a non-null, 4-byte-aligned pointer", nameof(trace));
        }
    }
}
