using StarkGpu.Engine.Chips;
using StarkGpu.Fields;

namespace StarkGpu.Engine.Checking;

/// <summary>The main traces of one shard, as the constraint checker takes them.</summary>
/// <param name="ShardIndex">Names the shard in reports.</param>
/// <param name="Main">Row-major main trace per chip name; chips absent here are not in the shard.</param>
/// <param name="LogRowCount">
/// The shard's padded domain, 2^LogRowCount rows for every chip, as the prover pads (its maxLogRowCount);
/// null pads each chip to the next power of two of its own height.
/// </param>
/// <param name="PublicValues">
/// The shard's public values (the record's), which chips read through <c>IAirBuilder.PublicValue</c>; null for
/// none. The checker rejects a shard with fewer than the machine's <c>PublicValueCount</c>.
/// </param>
public sealed record ShardTraces(
    int ShardIndex,
    IReadOnlyDictionary<string, HostTrace> Main,
    int? LogRowCount = null,
    IReadOnlyList<KoalaBear>? PublicValues = null);
