using StarkGpu.Fields;
using StarkGpu.Kernels.Counting;
using StarkGpu.Kernels.Traces;

namespace StarkGpu.Kernels.Host;

/// <summary>Runs a row writer on the host, one row after another: the reference path (row-major traces for the checker and tests, counting passes).</summary>
public static class HostRows
{
    /// <summary>
    /// Writes <paramref name="events"/>' rows into the row-major <paramref name="rows"/> (<c>events.Length x TWriter.Width</c>
    /// cells) and counts into <paramref name="counters"/>. Returns the first row the writer refused, or -1.
    /// </summary>
    public static unsafe long WriteRowMajor<TWriter, TEvent, TCounters>(ReadOnlySpan<TEvent> events, Span<KoalaBear> rows, ref TCounters counters)
        where TWriter : struct, IRowWriter<TEvent>
        where TEvent : unmanaged
        where TCounters : struct, ICounters<TCounters>
    {
        var width = TWriter.Width;
        if (rows.Length < (long)events.Length * width)
        {
            throw new ArgumentException($"{events.Length} rows of {width} cells need {(long)events.Length * width} cells, not {rows.Length}", nameof(rows));
        }

        var firstBad = -1L;
        fixed (KoalaBear* cells = rows)
        {
            var row = new RowMajorTraceRow();
            for (var i = 0; i < events.Length; i++)
            {
                row.Cells = cells + ((long)i * width);
                if (!TWriter.Write(in events[i], i, ref row, ref counters) && firstBad < 0)
                {
                    firstBad = i;
                }
            }
        }

        return firstBad;
    }

    /// <summary>Counts the lookups of <paramref name="events"/>' rows without storing them. Returns the first row the writer refused, or -1.</summary>
    public static long Count<TWriter, TEvent, TCounters>(ReadOnlySpan<TEvent> events, ref TCounters counters)
        where TWriter : struct, IRowWriter<TEvent>
        where TEvent : unmanaged
        where TCounters : struct, ICounters<TCounters>
    {
        var firstBad = -1L;
        var row = default(DiscardedRow);
        for (var i = 0; i < events.Length; i++)
        {
            if (!TWriter.Write(in events[i], i, ref row, ref counters) && firstBad < 0)
            {
                firstBad = i;
            }
        }

        return firstBad;
    }
}
