using System.Runtime.CompilerServices;
using StarkGpu.Kernels.Counting;
using StarkGpu.Kernels.Traces;

namespace StarkGpu.Kernels.Host;

/// <summary>One worker's share of <see cref="HostTraces.WriteColumns{TWriter, TEvent, TCounters}(TEvent*, long, StarkGpu.Fields.KoalaBear*, long, ReadOnlySpan{TCounters})"/>: its tiles, and the last rows when it is the last worker.</summary>
internal unsafe struct WriteColumnsJob<TWriter, TEvent, TCounters> : IChunkJob
    where TWriter : struct, IRowWriter<TEvent>
    where TEvent : unmanaged
    where TCounters : struct, ICounters<TCounters>
{
    public TEvent* Events;
    public uint* Trace;
    public long Height;
    public TCounters[] PerWorker;

    [SkipLocalsInit]
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // called once per trace: full optimization from the first call, not tier 0 and OSR
    public readonly long Run(int worker, long first, long end, bool isLast)
    {
        var width = TWriter.Width;
        var fill = new WriterTileFill<TWriter, TEvent, TCounters> { Events = Events, Counters = PerWorker[worker].ForWorker(worker), FirstBad = -1 };
        var bytes = TileScratch.Bytes(width);
        var onStack = bytes <= TileScratch.StackLimit;
        var stack = stackalloc byte[onStack ? bytes : 0];
        var block = onStack ? stack : TileScratch.Allocate(bytes);
        try
        {
            var tile = TileScratch.Tile(block);
            TileLines.Write(ref fill, Trace, Height, width, first, end, tile, TileScratch.Previous(tile, width));
        }
        finally
        {
            if (!onStack)
            {
                TileScratch.Free(block);
            }
        }

        if (isLast)
        {
            // The rows past the last whole tile, one at a time.
            var row = new HostColumnRow { Trace = Trace, Height = Height };
            for (var i = Height - (Height % MontgomeryLines.Cells); i < Height; i++)
            {
                row.Row = i;
                if (!TWriter.Write(in Events[i], i, ref row, ref fill.Counters) && fill.FirstBad < 0)
                {
                    fill.FirstBad = i;
                }
            }
        }

        return fill.FirstBad;
    }
}
