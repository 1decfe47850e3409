using StarkGpu.Engine.Air;
using StarkGpu.Rv32im.Events;

namespace StarkGpu.Rv32im.Chips.Cpu;

/// <summary>
/// Ties <see cref="CpuChip"/>'s trace to the shard's public values (<see cref="PublicValueIndex"/>), as SP1 v3's
/// <c>eval_public_values</c> does: every real row runs in the public shard, the first row is the public start pc at
/// clk 0, and the last real row's next_pc is the public next pc. Real rows come first and is_real only drops from 1
/// to 0 (<see cref="CpuConstraints"/>), so the last real row is where is_real drops, or the domain's last row when
/// every row is real. A verifier that chains shards (shard numbers consecutive, each start pc the previous next pc,
/// the first the entry point, the last next pc 0) then proves one contiguous execution.
/// </summary>
internal static class CpuPublicValues
{
    public static void Eval<TExpr>(IAirBuilder<TExpr> builder, in CpuRow<TExpr> row, in CpuRow<TExpr> next)
        where TExpr : IAirExpression<TExpr>
    {
        var shard = builder.PublicValue(PublicValueIndex.Shard);
        var startPc = builder.PublicValue(PublicValueIndex.StartPc);
        var nextPc = builder.PublicValue(PublicValueIndex.NextPc);

        // Not only on real rows: a shard whose first row is padding must claim start pc 0, which no instruction has.
        var first = builder.When(builder.IsFirstRow);
        first.AssertEqual("first row: pc is the public start pc", row.Pc, startPc);
        first.AssertZero("first row: clk is 0", row.Clk);

        // Every real row, not only the first: the memory bus stamps each access with the row's shard.
        builder.When(row.IsReal).AssertEqual("shard is the public shard", row.Shard, shard);

        // is_real - next.is_real is 1 exactly on the last real row of a transition (0 -> 1 is ruled out elsewhere).
        builder.When(builder.IsTransition * (row.IsReal - next.IsReal))
            .AssertEqual("last real row: next_pc is the public next pc", row.NextPc, nextPc);
        builder.When(builder.IsLastRow * row.IsReal).AssertEqual("last row: next_pc is the public next pc", row.NextPc, nextPc);
    }
}
