using StarkGpu.Engine.Air;
using StarkGpu.Fields;

namespace StarkGpu.Engine.Checking;

/// <summary>A tuple whose sends and receives on a bus do not cancel.</summary>
/// <param name="ShardIndex">The shard, for a local bus; null for a global bus.</param>
/// <param name="Net">Sends minus receives, in the field.</param>
/// <param name="Contributions">Its sends and receives, in trace order (capped).</param>
/// <param name="ContributionCount">All its sends and receives.</param>
public sealed record BusImbalance(
    Bus Bus,
    int? ShardIndex,
    IReadOnlyList<KoalaBear> Tuple,
    KoalaBear Net,
    IReadOnlyList<BusContribution> Contributions,
    long ContributionCount)
{
    public override string ToString()
    {
        var where = ShardIndex is { } shard ? $" in shard {shard}" : " across shards";
        var listed = Contributions.Count < ContributionCount ? $" (first {Contributions.Count} of {ContributionCount})" : string.Empty;
        var contributions = ContributionCount == 0
            ? "contributions not listed (a streaming check keeps no shard's traces)"
            : $"contributions{listed}: {string.Join("; ", Contributions)}";
        return $"bus {Bus.Name}{where}: ({string.Join(", ", Tuple)}) net {FieldFormat.Signed(Net)} (sends - receives); {contributions}";
    }
}
