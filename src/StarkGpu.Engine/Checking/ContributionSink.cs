using StarkGpu.Engine.Air;
using StarkGpu.Fields;

namespace StarkGpu.Engine.Checking;

/// <summary>
/// The second pass over the traces, run only when some bus does not balance: lists the sends and receives of the
/// unbalanced tuples (capped per tuple), which the first pass cannot afford to remember for every tuple.
/// </summary>
internal sealed class ContributionSink : IInteractionSink
{
    private readonly TupleTable _watched;
    private readonly List<BusContribution>[] _contributions;
    private readonly long[] _totals;
    private readonly int _maxPerTuple;

    public ContributionSink(TupleTable watched, int maxPerTuple)
    {
        _watched = watched;
        _maxPerTuple = maxPerTuple;
        _contributions = new List<BusContribution>[watched.Count];
        for (var i = 0; i < _contributions.Length; i++)
        {
            _contributions[i] = [];
        }

        _totals = new long[watched.Count];
    }

    public int ShardIndex { get; set; }

    public string ChipName { get; set; } = string.Empty;

    /// <summary>The contributions found for the tuple added <paramref name="entry"/>-th to the watched table.</summary>
    public IReadOnlyList<BusContribution> ContributionsOf(int entry) => _contributions[entry];

    public long TotalContributionsOf(int entry) => _totals[entry];

    public void Record(Bus bus, InteractionKind kind, ReadOnlySpan<uint> tuple, KoalaBear multiplicity, long row, long rowCount)
    {
        var entry = _watched.Find(BalanceSink.ScopeOf(bus, ShardIndex), bus.Id, tuple);
        if (entry < 0)
        {
            return;
        }

        _totals[entry]++;
        if (_contributions[entry].Count < _maxPerTuple)
        {
            _contributions[entry].Add(new BusContribution(ShardIndex, ChipName, row, rowCount, kind, multiplicity));
        }
    }
}
