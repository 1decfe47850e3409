using StarkGpu.Kernels.Counting;
using StarkGpu.Kernels.Traces;

namespace StarkGpu.Kernels.Host;

/// <summary>Fills a tile with a row writer's sixteen rows, counting into one worker's counters and keeping the first row the writer refused.</summary>
internal unsafe struct WriterTileFill<TWriter, TEvent, TCounters> : ITileFill
    where TWriter : struct, IRowWriter<TEvent>
    where TEvent : unmanaged
    where TCounters : struct, ICounters<TCounters>
{
    public TEvent* Events;
    public TCounters Counters;
    public long FirstBad;

    public static bool Canonical => true;

    // Not inlined into TileLines' loop, nor fully optimized from the start: tiered up with its profile, the JIT inlines the row writer here.
    public void Fill(uint* tile, long firstRow)
    {
        var row = default(CanonicalTileRow);
        var counters = Counters; // a local, so that the JIT may keep its fields in registers (stores through the tables cannot alias it)
        for (var r = 0; r < MontgomeryLines.Cells; r++)
        {
            row.Cells = tile + r;
            var index = firstRow + r;
            if (!TWriter.Write(in Events[index], index, ref row, ref counters) && FirstBad < 0)
            {
                FirstBad = index;
            }
        }

        Counters = counters;
    }
}
