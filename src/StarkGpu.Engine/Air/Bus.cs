namespace StarkGpu.Engine.Air;

/// <summary>
/// A named channel that chips send value tuples to and receive them from. Over the scope of the bus (one shard,
/// or all shards together) the multiset of sends must equal the multiset of receives.
/// </summary>
/// <param name="Name">For reports.</param>
/// <param name="Id">Identifies the bus in balance checks and, for a prover, in the interaction argument.</param>
/// <param name="Scope">Where the bus must balance.</param>
public sealed record Bus(string Name, int Id, BusScope Scope)
{
    public override string ToString() => $"{Name} (#{Id}, {Scope})";
}
