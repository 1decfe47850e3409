using System.Runtime.CompilerServices;
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

    // A call per tile, fully optimized from the first (AggressiveOptimization), not tier 0 until the tiering
    // catches up: a writer whose Write is marked AggressiveInlining inlines here, so a trace runs optimized code from
    // its first row (measured: AddSub, 2^20 rows, first call 23 ms against 200 ms when the tiers start at tier 0).
    // An unmarked writer is called once per row and tiers up on its own. Not inlined into TileLines' loop: on its
    // own the writer and its counters get the registers (counting was 30 % slower inlined there).
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
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
