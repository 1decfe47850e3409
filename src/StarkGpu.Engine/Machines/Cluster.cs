namespace StarkGpu.Engine.Machines;

/// <summary>
/// A named set of chips a shard may be padded to: every shard's chips must lie in one cluster, and the chips of
/// the cluster the shard lacks get all-zero traces, so a verifier only ever sees a fixed list of chip sets.
/// </summary>
public sealed class Cluster
{
    private readonly string[] _chipNames;

    public Cluster(string name, IEnumerable<string> chipNames)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(chipNames);
        Name = name;
        _chipNames = [.. chipNames.Order(StringComparer.Ordinal)];
        for (var i = 1; i < _chipNames.Length; i++)
        {
            if (string.Equals(_chipNames[i - 1], _chipNames[i], StringComparison.Ordinal))
            {
                throw new ArgumentException($"cluster {name} lists chip {_chipNames[i]} twice", nameof(chipNames));
            }
        }
    }

    public string Name { get; }

    /// <summary>Sorted ordinal, as chips are ordered in a machine.</summary>
    public IReadOnlyList<string> ChipNames => _chipNames;

    public int Count => _chipNames.Length;

    public bool Contains(string chipName) => Array.BinarySearch(_chipNames, chipName, StringComparer.Ordinal) >= 0;

    public override string ToString() => $"{Name} {{{string.Join(", ", _chipNames)}}}";
}
