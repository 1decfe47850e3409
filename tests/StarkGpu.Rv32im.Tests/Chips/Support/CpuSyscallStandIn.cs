using CommunityToolkit.HighPerformance;
using StarkGpu.Engine.Air;
using StarkGpu.Engine.Chips;
using StarkGpu.Fields;
using StarkGpu.Rv32im.Chips.Syscall;
using StarkGpu.Rv32im.Elf;
using StarkGpu.Rv32im.Events;

namespace StarkGpu.Rv32im.Tests.Chips.Support;

/// <summary>
/// Test-only stand-in for the Syscall chip: receives the syscall bus tuple of every <see cref="SyscallEvent"/>
/// (<see cref="SyscallBus.Write"/>), each word as one element reduced mod p. Rows (the tuple, is_real).
/// </summary>
public sealed class CpuSyscallStandIn : Chip<ExecutionRecord, Program>
{
    private const int IsReal = SyscallBus.TupleLength;

    public override string Name => "SyscallStandIn";

    public override int Width => IsReal + 1;

    public override void Eval<TExpr>(IAirBuilder<TExpr> builder)
    {
        SyscallBus.Receive(builder, SyscallBus.Columns(builder), builder.Local(IsReal));
    }

    public override bool Included(ExecutionRecord record) => record.Syscalls.Count > 0;

    public override int MainHeight(ExecutionRecord record) => record.Syscalls.Count;

    public override void GenerateMainTrace(ExecutionRecord record, Span2D<KoalaBear> rows)
    {
        var events = record.Syscalls.Span;
        for (var i = 0; i < events.Length; i++)
        {
            var row = rows.GetRowSpan(i);
            SyscallBus.Write(in events[i], row);
            row[IsReal] = KoalaBear.One;
        }
    }
}
