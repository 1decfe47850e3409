using System.Runtime.CompilerServices;
using StarkGpu.Kernels.Counting;
using StarkGpu.Kernels.Traces;

namespace StarkGpu.Kernels.Host;

/// <summary>One worker's share of <see cref="HostTraces.Count{TWriter, TEvent, TCounters}(TEvent*, long, ReadOnlySpan{TCounters})"/>: a contiguous chunk of rows over <see cref="DiscardedRow"/>.</summary>
internal unsafe struct CountJob<TWriter, TEvent, TCounters> : IChunkJob
    where TWriter : struct, IRowWriter<TEvent>
    where TEvent : unmanaged
    where TCounters : struct, ICounters<TCounters>
{
    public TEvent* Events;
    public TCounters[] PerWorker;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // called once per trace: full optimization from the first call, not tier 0 and OSR
    public readonly long Run(int worker, long first, long end, bool isLast)
    {
        var counters = PerWorker[worker].ForWorker(worker);
        var row = default(DiscardedRow);
        var firstBad = -1L;
        for (var i = first; i < end; i++)
        {
            if (!TWriter.Write(in Events[i], i, ref row, ref counters) && firstBad < 0)
            {
                firstBad = i;
            }
        }

        return firstBad;
    }
}
