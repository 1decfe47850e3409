namespace StarkGpu.Engine.LogUp;

/// <summary>
/// The columns of a chip's aux trace: interaction k (declaration order) adds its <c>m / f</c> into batch column
/// <c>k / BatchSize</c>, and the last column is the running sum. A chip without interactions has no aux columns.
/// Every column is one element of the degree-4 extension (four base-field words).
/// </summary>
public readonly record struct AuxLayout(int InteractionCount, int BatchSize)
{
    /// <summary>How many interactions one batch column sums; lambda_vm and Plonky3 call it the chunk size.</summary>
    public const int DefaultBatchSize = 2;

    /// <summary>Columns holding the batched <c>m / f</c> sums.</summary>
    public int BatchColumns => InteractionCount == 0 ? 0 : (InteractionCount + BatchSize - 1) / BatchSize;

    /// <summary>Extension columns in all: the batch columns plus the running sum (none without interactions).</summary>
    public int Width => InteractionCount == 0 ? 0 : BatchColumns + 1;

    /// <summary>The running-sum column (the last one).</summary>
    public int RunningSumColumn => BatchColumns;

    public int ColumnOf(int interaction) => interaction / BatchSize;

    /// <exception cref="ArgumentOutOfRangeException">A count is negative or the batch size not positive.</exception>
    public static AuxLayout Of(int interactionCount, int batchSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(interactionCount);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        return new AuxLayout(interactionCount, batchSize);
    }
}
