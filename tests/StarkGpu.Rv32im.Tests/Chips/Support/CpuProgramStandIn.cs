using CommunityToolkit.HighPerformance;
using StarkGpu.Engine.Air;
using StarkGpu.Engine.Chips;
using StarkGpu.Fields;
using StarkGpu.Rv32im.Chips;
using StarkGpu.Rv32im.Chips.ProgramTable;
using StarkGpu.Rv32im.Elf;
using StarkGpu.Rv32im.Events;

namespace StarkGpu.Rv32im.Tests.Chips.Support;

/// <summary>
/// Test-only stand-in for the Program chip: one row per instruction the shard executes, taken from the loaded
/// <see cref="Program"/> (not from the Cpu events), receiving its program-bus tuple as many times as it ran.
/// Rows: the tuple in <see cref="ProgramBus"/>' layout, then the multiplicity.
/// </summary>
public sealed class CpuProgramStandIn(Program program) : Chip<ExecutionRecord, Program>
{
    private const int Multiplicity = ProgramBus.TupleLength;

    public override string Name => "ProgramStandIn";

    public override int Width => Multiplicity + 1;

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
            ProgramBus.Write(pc, in ins, row);
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
