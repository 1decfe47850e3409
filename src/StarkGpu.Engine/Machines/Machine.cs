using StarkGpu.Engine.Air;
using StarkGpu.Engine.Air.Symbolic;
using StarkGpu.Engine.Chips;

namespace StarkGpu.Engine.Machines;

/// <summary>
/// A zkVM's tables: its chips, ordered by name (ordinal), and the clusters shards are padded to. Construction runs
/// every chip's constraints symbolically once, which checks column indices, labels and bus declarations before any
/// trace exists.
/// </summary>
public sealed class Machine<TRecord, TProgram> where TRecord : IExecutionRecord
{
    private readonly Chip<TRecord, TProgram>[] _chips;
    private readonly Dictionary<string, int> _indexByName = new(StringComparer.Ordinal);
    private readonly SymbolicAirBuilder[] _symbolic;
    private readonly Cluster[] _clusters;

    public Machine(IEnumerable<Chip<TRecord, TProgram>> chips, IEnumerable<Cluster> clusters)
    {
        ArgumentNullException.ThrowIfNull(chips);
        ArgumentNullException.ThrowIfNull(clusters);
        _chips = [.. chips.Order()];
        for (var i = 0; i < _chips.Length; i++)
        {
            if (!_indexByName.TryAdd(_chips[i].Name, i))
            {
                throw new ArgumentException($"two chips are named {_chips[i].Name}", nameof(chips));
            }
        }

        _symbolic = [.. _chips.Select(SymbolicAirBuilder.Evaluate)];
        Buses = CollectBuses(_symbolic);
        PublicValueCount = _symbolic.Select(s => s.PublicValueCount).DefaultIfEmpty(0).Max();
        _clusters = [.. clusters.OrderBy(c => c.Name, StringComparer.Ordinal)];
        ValidateClusters();
    }

    /// <summary>Sorted by name (ordinal).</summary>
    public IReadOnlyList<Chip<TRecord, TProgram>> Chips => _chips;

    /// <summary>Sorted by name (ordinal).</summary>
    public IReadOnlyList<Cluster> Clusters => _clusters;

    /// <summary>Every bus some chip uses, by id.</summary>
    public IReadOnlyList<Bus> Buses { get; }

    /// <summary>How many public values a shard must have: one more than the largest index any chip reads.</summary>
    public int PublicValueCount { get; }

    /// <exception cref="KeyNotFoundException">No chip has that name.</exception>
    public Chip<TRecord, TProgram> ByName(string name) =>
        _indexByName.TryGetValue(name, out var index) ? _chips[index] : throw new KeyNotFoundException($"the machine has no chip named {name}");

    public bool TryGetChip(string name, out Chip<TRecord, TProgram>? chip)
    {
        var found = _indexByName.TryGetValue(name, out var index);
        chip = found ? _chips[index] : null;
        return found;
    }

    /// <summary>The chip's position in <see cref="Chips"/>.</summary>
    public int IndexOf(string chipName) =>
        _indexByName.TryGetValue(chipName, out var index) ? index : throw new KeyNotFoundException($"the machine has no chip named {chipName}");

    /// <summary>The chip's constraints and interactions, as recorded when the machine was built.</summary>
    public SymbolicAirBuilder Symbolic(string chipName) => _symbolic[IndexOf(chipName)];

    /// <summary>The chips a shard with <paramref name="record"/> uses, in machine order.</summary>
    public IReadOnlyList<Chip<TRecord, TProgram>> IncludedChips(TRecord record) => [.. _chips.Where(c => c.Included(record))];

    /// <summary>
    /// The cluster with the fewest chips (then the smallest total width, then the first name) that contains all of
    /// <paramref name="chips"/>.
    /// </summary>
    /// <exception cref="NoClusterException">No cluster contains them all.</exception>
    public Cluster SmallestCluster(IEnumerable<Chip<TRecord, TProgram>> chips)
    {
        ArgumentNullException.ThrowIfNull(chips);
        var names = chips.Select(c => c.Name).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        Cluster? best = null;
        var bestWidth = 0L;
        foreach (var cluster in _clusters)
        {
            if (!names.All(cluster.Contains))
            {
                continue;
            }

            var width = TotalWidth(cluster);
            if (best is null || cluster.Count < best.Count || (cluster.Count == best.Count && width < bestWidth))
            {
                best = cluster;
                bestWidth = width;
            }
        }

        return best ?? throw new NoClusterException(names, _clusters);
    }

    /// <summary>Main plus preprocessed columns of the cluster's chips.</summary>
    public long TotalWidth(Cluster cluster)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        return cluster.ChipNames.Sum(name => (long)ByName(name).Width + ByName(name).PreprocessedWidth);
    }

    private void ValidateClusters()
    {
        for (var i = 0; i < _clusters.Length; i++)
        {
            if (i > 0 && string.Equals(_clusters[i - 1].Name, _clusters[i].Name, StringComparison.Ordinal))
            {
                throw new ArgumentException($"two clusters are named {_clusters[i].Name}");
            }

            var unknown = _clusters[i].ChipNames.FirstOrDefault(name => !_indexByName.ContainsKey(name));
            if (unknown is not null)
            {
                throw new ArgumentException($"cluster {_clusters[i].Name} names chip {unknown}, which the machine does not have");
            }
        }
    }

    // One id means one bus: two chips that disagree on a bus's name or scope would silently balance against each
    // other's tuples.
    private static Bus[] CollectBuses(IEnumerable<SymbolicAirBuilder> chips)
    {
        var byId = new SortedDictionary<int, Bus>();
        foreach (var chip in chips)
        {
            foreach (var bus in chip.Buses)
            {
                if (byId.TryGetValue(bus.Id, out var known) && known != bus)
                {
                    throw new ArgumentException($"chip {chip.AirName} declares bus {bus} but another chip declares {known} with the same id");
                }

                byId[bus.Id] = bus;
            }
        }

        return [.. byId.Values];
    }
}
