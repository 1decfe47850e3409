using System.Text;

namespace StarkGpu.Engine.Checking;

/// <summary>The outcome of a constraint check: failing constraints and unbalanced buses, in a deterministic order.</summary>
public sealed class CheckReport
{
    internal CheckReport(
        IReadOnlyList<ConstraintFailure> constraintFailures,
        long constraintFailureCount,
        IReadOnlyList<BusImbalance> busImbalances,
        long busImbalanceCount)
    {
        ConstraintFailures = constraintFailures;
        ConstraintFailureCount = constraintFailureCount;
        BusImbalances = busImbalances;
        BusImbalanceCount = busImbalanceCount;
    }

    /// <summary>By shard (input order), chip (machine order), row, constraint; capped per chip and shard.</summary>
    public IReadOnlyList<ConstraintFailure> ConstraintFailures { get; }

    /// <summary>All failing (row, constraint) pairs, a run of padding rows counting once.</summary>
    public long ConstraintFailureCount { get; }

    /// <summary>Local buses by shard, then global; then by bus id and tuple; capped per bus.</summary>
    public IReadOnlyList<BusImbalance> BusImbalances { get; }

    /// <summary>All unbalanced tuples.</summary>
    public long BusImbalanceCount { get; }

    public bool IsSatisfied => ConstraintFailureCount == 0 && BusImbalanceCount == 0;

    /// <exception cref="ConstraintCheckException">The traces do not satisfy the machine.</exception>
    public void ThrowIfFailed()
    {
        if (!IsSatisfied)
        {
            throw new ConstraintCheckException(this);
        }
    }

    public override string ToString()
    {
        if (IsSatisfied)
        {
            return "all constraints hold and every bus balances";
        }

        var text = new StringBuilder();
        text.Append(ConstraintFailureCount).Append(" constraint failure(s), ").Append(BusImbalanceCount).AppendLine(" unbalanced tuple(s)");
        foreach (var failure in ConstraintFailures)
        {
            text.Append("  ").AppendLine(failure.ToString());
        }

        foreach (var imbalance in BusImbalances)
        {
            text.Append("  ").AppendLine(imbalance.ToString());
        }

        var hidden = ConstraintFailureCount - ConstraintFailures.Count + BusImbalanceCount - BusImbalances.Count;
        if (hidden > 0)
        {
            text.Append("  ... and ").Append(hidden).AppendLine(" more");
        }

        return text.ToString();
    }
}
