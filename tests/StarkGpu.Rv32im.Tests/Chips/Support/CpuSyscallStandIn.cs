using CommunityToolkit.HighPerformance;
using StarkGpu.Engine.Air;
using StarkGpu.Engine.Chips;
using StarkGpu.Fields;
using StarkGpu.Rv32im.Chips;
using StarkGpu.Rv32im.Elf;
using StarkGpu.Rv32im.Events;

namespace StarkGpu.Rv32im.Tests.Chips.Support;

/// <summary>
/// Test-only stand-in for the Syscall chip: receives (shard, clk, syscall_id, arg1, arg2) of every
/// <see cref="SyscallEvent"/>, each word as one element reduced mod p. Rows (those five, is_real).
/// </summary>
public sealed class CpuSyscallStandIn : Chip<ExecutionRecord, Program>
{
    private const int IsReal = 5;

    public override string Name => "SyscallStandIn";

    public override int Width => 6;

    public override void Eval<TExpr>(IAirBuilder<TExpr> builder)
    {
        TExpr[] tuple = [.. Enumerable.Range(0, IsReal).Select(builder.Local)];
        builder.Receive(Rv32imBuses.Syscall, tuple, builder.Local(IsReal));
    }

    public override bool Included(ExecutionRecord record) => record.Syscalls.Count > 0;

    public override int MainHeight(ExecutionRecord record) => record.Syscalls.Count;

    public override void GenerateMainTrace(ExecutionRecord record, Span2D<KoalaBear> rows)
    {
        var events = record.Syscalls.Span;
        for (var i = 0; i < events.Length; i++)
        {
            var row = rows.GetRowSpan(i);
            row[0] = KoalaBear.FromCanonical(events[i].Shard);
            row[1] = KoalaBear.FromCanonical(events[i].Clk);
            row[2] = KoalaBear.FromCanonical(events[i].SyscallId);
            row[3] = KoalaBear.FromCanonical(events[i].Arg1);
            row[4] = KoalaBear.FromCanonical(events[i].Arg2);
            row[IsReal] = KoalaBear.One;
        }
    }
}
