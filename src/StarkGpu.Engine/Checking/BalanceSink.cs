using StarkGpu.Engine.Air;
using StarkGpu.Fields;

namespace StarkGpu.Engine.Checking;

/// <summary>Accumulates sends minus receives per tuple: local buses per shard, global buses over all shards.</summary>
internal sealed class BalanceSink(TupleTable local, TupleTable global) : IInteractionSink
{
    /// <summary>The scope key of global tuples (shard indexes are non-negative).</summary>
    public const int GlobalScope = -1;

    public int ShardIndex { get; set; }

    public static int ScopeOf(Bus bus, int shardIndex) => bus.Scope == BusScope.Global ? GlobalScope : shardIndex;

    public void Record(Bus bus, InteractionKind kind, ReadOnlySpan<uint> tuple, KoalaBear multiplicity, long row, long rowCount)
    {
        var copies = rowCount == 1 ? multiplicity : multiplicity * KoalaBear.FromSigned(rowCount);
        var delta = kind == InteractionKind.Send ? copies : -copies;
        var table = bus.Scope == BusScope.Global ? global : local;
        table.Add(ScopeOf(bus, ShardIndex), bus.Id, tuple, delta);
    }
}
