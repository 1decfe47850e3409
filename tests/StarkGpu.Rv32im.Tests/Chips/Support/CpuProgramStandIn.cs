using CommunityToolkit.HighPerformance;
using StarkGpu.Engine.Air;
using StarkGpu.Engine.Chips;
using StarkGpu.Fields;
using StarkGpu.Rv32im.Chips;
using StarkGpu.Rv32im.Chips.Cpu;
using StarkGpu.Rv32im.Elf;
using StarkGpu.Rv32im.Events;

namespace StarkGpu.Rv32im.Tests.Chips.Support;

/// <summary>
/// Test-only stand-in for the Program chip: one row per instruction the shard executes, taken from the loaded
/// <see cref="Program"/> (not from the Cpu events), receiving its program-bus tuple as many times as it ran.
/// Rows (pc, opcode, op_a, op_b, op_c, imm_b, imm_c, flags, multiplicity).
/// </summary>
public sealed class CpuProgramStandIn(Program program) : Chip<ExecutionRecord, Program>
{
    private const int Multiplicity = 8;

    public override string Name => "ProgramStandIn";

    public override int Width => 9;

    public override void Eval<TExpr>(IAirBuilder<TExpr> builder)
    {
        TExpr[] tuple = [.. Enumerable.Range(0, Multiplicity).Select(builder.Local)];
        builder.Receive(Rv32imBuses.Program, tuple, builder.Local(Multiplicity));
    }

    public override bool Included(ExecutionRecord record) => record.Cpu.Count > 0;

    public override int MainHeight(ExecutionRecord record) => Executed(record).Count;

    public override void GenerateMainTrace(ExecutionRecord record, Span2D<KoalaBear> rows)
    {
        var index = 0;
        foreach (var (pc, count) in Executed(record).OrderBy(p => p.Key))
        {
            var ins = program.Instructions[(int)((pc - program.CodeBase) >> 2)];
            var row = rows.GetRowSpan(index++);
            row[0] = KoalaBear.FromCanonical(pc);
            row[1] = KoalaBear.FromCanonical((uint)ins.Opcode);
            row[2] = KoalaBear.FromCanonical(ins.OpA);
            row[3] = KoalaBear.FromCanonical(ins.OpB);
            row[4] = KoalaBear.FromCanonical(ins.OpC);
            row[5] = KoalaBear.FromCanonical(ins.ImmB ? 1u : 0u);
            row[6] = KoalaBear.FromCanonical(ins.ImmC ? 1u : 0u);
            row[7] = KoalaBear.FromCanonical((uint)InstructionClass.Of(ins.Opcode));
            row[Multiplicity] = KoalaBear.FromCanonical((uint)count);
        }
    }

    private static Dictionary<uint, int> Executed(ExecutionRecord record)
    {
        var counts = new Dictionary<uint, int>();
        foreach (ref readonly var e in record.Cpu.Span)
        {
            counts[e.Pc] = counts.GetValueOrDefault(e.Pc) + 1;
        }

        return counts;
    }
}
