using StarkGpu.Kernels.Host;
using StarkGpu.Rv32im.Chips.Rows;

namespace StarkGpu.Rv32im.Chips.ByteLookup;

/// <summary>
/// The ByteLookup chip's host counters for one call's column jobs: each source may claim them once and count its byte
/// lookups while it writes its own column-major trace; the ByteLookup chip, which runs after its sources, counts the
/// sources that did not claim and sums the sets into its trace.
/// </summary>
public sealed class HostByteLookupScratch(IEnumerable<IByteLookupSource> sources)
    : HostCounterScratch(new HostCounters { Cells0 = ByteLookupTable.CountCells })
{
    private readonly HashSet<IByteLookupSource> _unclaimed = [.. sources];

    /// <summary>Whether <paramref name="source"/> has claimed the counters (and counted into them).</summary>
    public bool Counted(IByteLookupSource source) => !_unclaimed.Contains(source);

    /// <summary>The counter sets <paramref name="source"/> counts into, once; null when it is not a source or has claimed already.</summary>
    public HostCounterSets? Claim(IByteLookupSource source) => _unclaimed.Remove(source) ? Sets : null;
}
