namespace StarkGpu.Engine.Air;

/// <summary>Where a <see cref="Bus"/> must balance.</summary>
public enum BusScope
{
    /// <summary>Sends and receives cancel within each shard.</summary>
    LocalToShard,

    /// <summary>Sends and receives cancel over all shards of an execution together.</summary>
    Global,
}
