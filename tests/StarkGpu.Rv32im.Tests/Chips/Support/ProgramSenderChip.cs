using CommunityToolkit.HighPerformance;
using StarkGpu.Engine.Air;
using StarkGpu.Engine.Chips;
using StarkGpu.Fields;
using StarkGpu.Rv32im.Chips.ProgramTable;
using StarkGpu.Rv32im.Elf;
using StarkGpu.Rv32im.Events;

namespace StarkGpu.Rv32im.Tests.Chips.Support;

/// <summary>
/// Test-only stand-in for the Cpu chip on the program bus: one row per Cpu event sending the instruction the event
/// says it executed (its own pc, opcode and operands, not the program's), so the bus balances only if the executor
/// ran the program's instructions. Rows (pc, opcode, op_a, op_b, op_c, imm_b, imm_c, flags, is_real).
/// </summary>
public sealed class ProgramSenderChip : Chip<ExecutionRecord, Program>
{
    public const int IsReal = ProgramBus.TupleLength;

    public override string Name => "ProgramSender";

    public override int Width => ProgramBus.TupleLength + 1;

    public override void Eval<TExpr>(IAirBuilder<TExpr> builder)
    {
        var isReal = builder.Local(IsReal);
        builder.AssertBool("is_real is boolean", isReal);
        var tuple = new TExpr[ProgramBus.TupleLength];
        for (var i = 0; i < tuple.Length; i++)
        {
            tuple[i] = builder.Local(i);
        }

        ProgramBus.Send(builder, tuple, isReal);
    }

    public override bool Included(ExecutionRecord record) => record.Cpu.Count > 0;

    public override int MainHeight(ExecutionRecord record) => record.Cpu.Count;

    public override void GenerateMainTrace(ExecutionRecord record, Span2D<KoalaBear> rows)
    {
        var events = record.Cpu.Span;
        for (var i = 0; i < events.Length; i++)
        {
            var row = rows.GetRowSpan(i);
            ProgramBus.Write(events[i].Pc, events[i].Instruction, row);
            row[IsReal] = KoalaBear.One;
        }
    }
}
