using CommunityToolkit.HighPerformance;
using StarkGpu.Engine.Air;
using StarkGpu.Engine.Chips;
using StarkGpu.Fields;
using StarkGpu.Rv32im.Chips;
using StarkGpu.Rv32im.Chips.Alu.Shared;
using StarkGpu.Rv32im.Elf;
using StarkGpu.Rv32im.Events;

namespace StarkGpu.Rv32im.Tests.Chips.Support;

/// <summary>
/// Test-only stand-in for MemoryLocal on the memory bus: for every address the shard touched
/// (<see cref="ExecutionRecord.MemoryLocal"/>), sends its state before the shard and receives its state after, so
/// that the Cpu's accesses balance the bus exactly when they chain from the first to the last state.
/// Rows (address, initial shard, timestamp, value0..3, final shard, timestamp, value0..3, is_real).
/// </summary>
public sealed class CpuMemoryStandIn : Chip<ExecutionRecord, Program>
{
    private const int Initial = 1;
    private const int Final = 7;
    private const int IsReal = 13;

    public override string Name => "MemoryStandIn";

    public override int Width => 14;

    public override void Eval<TExpr>(IAirBuilder<TExpr> builder)
    {
        var isReal = builder.Local(IsReal);
        builder.Send(Rv32imBuses.Memory, State(builder, Initial), isReal);
        builder.Receive(Rv32imBuses.Memory, State(builder, Final), isReal);
    }

    public override bool Included(ExecutionRecord record) => record.MemoryLocal.Count > 0;

    public override int MainHeight(ExecutionRecord record) => record.MemoryLocal.Count;

    public override void GenerateMainTrace(ExecutionRecord record, Span2D<KoalaBear> rows)
    {
        var events = record.MemoryLocal.Span;
        for (var i = 0; i < events.Length; i++)
        {
            var row = rows.GetRowSpan(i);
            row[0] = KoalaBear.FromCanonical(events[i].Address);
            Write(events[i].Initial, row[Initial..]);
            Write(events[i].Final, row[Final..]);
            row[IsReal] = KoalaBear.One;
        }
    }

    private static TExpr[] State<TExpr>(IAirBuilder<TExpr> builder, int first)
        where TExpr : IAirExpression<TExpr> =>
        [builder.Local(0), .. Enumerable.Range(first, 6).Select(builder.Local)];

    private static void Write(in MemoryState state, Span<KoalaBear> cells)
    {
        cells[0] = KoalaBear.FromCanonical(state.Shard);
        cells[1] = KoalaBear.FromCanonical(state.Timestamp);
        WordLimbs.Write(state.Value, cells[2..]);
    }
}
