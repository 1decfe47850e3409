namespace StarkGpu.Engine.Checking;

/// <summary>
/// Caps on what a <see cref="CheckReport"/> details (counts are always exact), and what the check leaves out.
/// </summary>
public sealed record CheckOptions
{
    /// <summary>Constraint failures detailed per chip and shard.</summary>
    public int MaxFailuresPerChip { get; init; } = 20;

    /// <summary>Unbalanced tuples detailed per bus (and per shard, for a local bus).</summary>
    public int MaxImbalancesPerBus { get; init; } = 20;

    /// <summary>Sends and receives listed per unbalanced tuple.</summary>
    public int MaxContributionsPerTuple { get; init; } = 10;

    /// <summary>
    /// Constraints (by label) whose failures are not reported. Soundness tests use it to show that a cheating trace
    /// passes without the constraint that catches it, so that constraint is the one that matters.
    /// </summary>
    public IReadOnlySet<string> IgnoredConstraints { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>Buses (by name) whose imbalances are not reported; the bus counterpart of <see cref="IgnoredConstraints"/>.</summary>
    public IReadOnlySet<string> IgnoredBuses { get; init; } = new HashSet<string>(StringComparer.Ordinal);
}
