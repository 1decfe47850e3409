namespace StarkGpu.Engine.Checking;

/// <summary>Caps on what a <see cref="CheckReport"/> details; counts are always exact.</summary>
public sealed record CheckOptions
{
    /// <summary>Constraint failures detailed per chip and shard.</summary>
    public int MaxFailuresPerChip { get; init; } = 20;

    /// <summary>Unbalanced tuples detailed per bus (and per shard, for a local bus).</summary>
    public int MaxImbalancesPerBus { get; init; } = 20;

    /// <summary>Sends and receives listed per unbalanced tuple.</summary>
    public int MaxContributionsPerTuple { get; init; } = 10;
}
