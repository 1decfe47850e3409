namespace StarkGpu.Engine.Machines;

/// <summary>A shard uses a set of chips that no cluster of the machine contains.</summary>
public sealed class NoClusterException : Exception
{
    public NoClusterException()
    {
    }

    public NoClusterException(string message)
        : base(message)
    {
    }

    public NoClusterException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public NoClusterException(IReadOnlyList<string> shardChips, IEnumerable<Cluster> clusters)
        : base($"no cluster contains the shard's chips {{{string.Join(", ", shardChips)}}}; clusters: {string.Join("; ", clusters)}") =>
        ShardChips = shardChips;

    /// <summary>The chips the shard needed, sorted.</summary>
    public IReadOnlyList<string> ShardChips { get; } = [];
}
