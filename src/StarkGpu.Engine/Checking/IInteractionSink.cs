using StarkGpu.Engine.Air;
using StarkGpu.Fields;

namespace StarkGpu.Engine.Checking;

/// <summary>Where <see cref="RowEvaluator"/> sends the interactions of a row that have a non-zero multiplicity.</summary>
internal interface IInteractionSink
{
    /// <param name="tuple">The values as Montgomery words; valid only during the call.</param>
    /// <param name="rowCount">How many identical rows the row stands for (a run of padding rows).</param>
    void Record(Bus bus, InteractionKind kind, ReadOnlySpan<uint> tuple, KoalaBear multiplicity, long row, long rowCount);
}
