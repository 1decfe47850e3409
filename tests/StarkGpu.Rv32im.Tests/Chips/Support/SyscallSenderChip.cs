using CommunityToolkit.HighPerformance;
using StarkGpu.Engine.Air;
using StarkGpu.Engine.Chips;
using StarkGpu.Fields;
using StarkGpu.Rv32im.Chips.Syscall;
using StarkGpu.Rv32im.Elf;
using StarkGpu.Rv32im.Events;
using StarkGpu.Rv32im.Isa;

namespace StarkGpu.Rv32im.Tests.Chips.Support;

/// <summary>
/// Test-only stand-in for the Cpu chip on the syscall bus: one row per ECALL Cpu event sending what the Cpu chip
/// will send (its shard and clk, syscall_id = t0 before the call = the op_a access's previous value, arg1 = b = a0,
/// arg2 = c = a1). Built from the Cpu events, not from the SyscallEvents, so the bus balances only if the executor
/// records exactly one matching SyscallEvent per ECALL. Rows (the syscall bus tuple, is_real).
/// </summary>
public sealed class SyscallSenderChip : Chip<ExecutionRecord, Program>
{
    public const int IsReal = SyscallBus.TupleLength;

    public override string Name => "SyscallSender";

    public override int Width => SyscallBus.TupleLength + 1;

    public override void Eval<TExpr>(IAirBuilder<TExpr> builder)
    {
        var isReal = builder.Local(IsReal);
        builder.AssertBool("is_real is boolean", isReal);
        SyscallBus.Send(builder, SyscallBus.Columns(builder), isReal);
    }

    public override bool Included(ExecutionRecord record) => MainHeight(record) > 0;

    public override int MainHeight(ExecutionRecord record)
    {
        var count = 0;
        foreach (ref readonly var cpu in record.Cpu.Span)
        {
            count += cpu.Opcode == Opcode.Ecall ? 1 : 0;
        }

        return count;
    }

    public override void GenerateMainTrace(ExecutionRecord record, Span2D<KoalaBear> rows)
    {
        var index = 0;
        foreach (ref readonly var cpu in record.Cpu.Span)
        {
            if (cpu.Opcode != Opcode.Ecall)
            {
                continue;
            }

            var row = rows.GetRowSpan(index++);
            var syscall = new SyscallEvent
            {
                Shard = cpu.Shard, Clk = cpu.Clk, SyscallId = cpu.ARecord.PrevValue, Arg1 = cpu.B, Arg2 = cpu.C, Pc = cpu.Pc, NextPc = cpu.NextPc, Result = cpu.A,
            };
            SyscallBus.Write(in syscall, row);
            row[IsReal] = KoalaBear.One;
        }
    }
}
