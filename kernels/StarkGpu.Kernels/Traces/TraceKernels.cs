using System.Reflection;
using ILGPU;
using StarkGpu.Kernels.Counting;
using StarkGpu.Kernels.Launch;

namespace StarkGpu.Kernels.Traces;

/// <summary>
/// The one generic event-trace kernel: row i of a column-major trace from <c>events[i]</c> by any chip's
/// <see cref="IRowWriter{TEvent}"/>, counting on the way into <typeparamref name="TCounters"/>.
/// </summary>
public static class TraceKernels
{
    /// <summary>
    /// Writes rows <c>range</c> of <paramref name="trace"/> (<c>[TWriter.Width x range.Count]</c>, column-major).
    /// <paramref name="badRows"/>[0] counts events the writer refused and [1] ends up the smallest such row
    /// (atomic min; give it <see cref="uint.MaxValue"/>).
    /// </summary>
    public static void WriteRows<TWriter, TEvent, TCounters>(
        Index1D index, ArrayView<TEvent> events, ArrayView<uint> trace, WorkRange range, TCounters counters, ArrayView<uint> badRows)
        where TWriter : struct, IRowWriter<TEvent>
        where TEvent : unmanaged
        where TCounters : struct, ICounters<TCounters>
    {
        var mine = counters.ForWorker(index);
        var row = new ColumnTraceRow { Trace = trace, Height = range.Count };
        for (var i = range.First(index); i < range.End(index); i += range.Step)
        {
            row.Row = i;
            if (!TWriter.Write(in events[i], i, ref row, ref mine))
            {
                Atomic.Add(ref badRows[0], 1u);
                Atomic.Min(ref badRows[1], (uint)i);
            }
        }
    }

    /// <summary>
    /// Counts the lookups of <c>events[range]</c> alone, for a trace made without counting: the writer runs over
    /// <see cref="DiscardedRow"/>.
    /// </summary>
    public static void CountRows<TWriter, TEvent, TCounters>(
        Index1D index, ArrayView<TEvent> events, WorkRange range, TCounters counters, ArrayView<uint> badRows)
        where TWriter : struct, IRowWriter<TEvent>
        where TEvent : unmanaged
        where TCounters : struct, ICounters<TCounters>
    {
        var mine = counters.ForWorker(index);
        var row = default(DiscardedRow);
        for (var i = range.First(index); i < range.End(index); i += range.Step)
        {
            if (!TWriter.Write(in events[i], i, ref row, ref mine))
            {
                Atomic.Add(ref badRows[0], 1u);
                Atomic.Min(ref badRows[1], (uint)i);
            }
        }
    }

    /// <summary>The <see cref="WriteRows"/> instance for a writer, for the PTX check.</summary>
    public static MethodInfo WriteRowsMethod<TWriter, TEvent, TCounters>()
        where TWriter : struct, IRowWriter<TEvent>
        where TEvent : unmanaged
        where TCounters : struct, ICounters<TCounters> =>
        new Action<Index1D, ArrayView<TEvent>, ArrayView<uint>, WorkRange, TCounters, ArrayView<uint>>(WriteRows<TWriter, TEvent, TCounters>).Method;

    /// <summary>The <see cref="CountRows"/> instance for a writer, for the PTX check.</summary>
    public static MethodInfo CountRowsMethod<TWriter, TEvent, TCounters>()
        where TWriter : struct, IRowWriter<TEvent>
        where TEvent : unmanaged
        where TCounters : struct, ICounters<TCounters> =>
        new Action<Index1D, ArrayView<TEvent>, WorkRange, TCounters, ArrayView<uint>>(CountRows<TWriter, TEvent, TCounters>).Method;
}
