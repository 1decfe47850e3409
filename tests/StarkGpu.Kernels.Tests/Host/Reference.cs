using StarkGpu.Fields;
using StarkGpu.Kernels.Counting;
using StarkGpu.Kernels.Host;
using StarkGpu.Kernels.Traces;

namespace StarkGpu.Kernels.Tests.Host;

/// <summary>The reference the fast paths are held to: HostRows' row-major trace, transposed naively.</summary>
public static class Reference
{
    /// <summary>The column-major bits of <paramref name="events"/>' trace, and the first refused row.</summary>
    public static (uint[] Columns, long FirstBad) Columns<TWriter, TEvent>(ReadOnlySpan<TEvent> events)
        where TWriter : struct, IRowWriter<TEvent>
        where TEvent : unmanaged
    {
        var width = TWriter.Width;
        var rows = new KoalaBear[events.Length * width];
        var none = default(NoCounters);
        var bad = HostRows.WriteRowMajor<TWriter, TEvent, NoCounters>(events, rows, ref none);
        return (Transpose(rows, events.Length, width), bad);
    }

    public static uint[] Transpose(KoalaBear[] rows, int height, int width)
    {
        var columns = new uint[rows.Length];
        for (var r = 0; r < height; r++)
        {
            for (var c = 0; c < width; c++)
            {
                columns[((long)c * height) + r] = rows[((long)r * width) + c].Raw;
            }
        }

        return columns;
    }

    /// <summary>The index of the first differing word, or -1.</summary>
    public static long FirstDifference(ReadOnlySpan<uint> actual, ReadOnlySpan<uint> expected)
    {
        var common = actual.CommonPrefixLength(expected);
        return common == actual.Length && actual.Length == expected.Length ? -1 : common;
    }
}
