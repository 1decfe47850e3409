using CommunityToolkit.HighPerformance;
using StarkGpu.Engine.Air;
using StarkGpu.Engine.Chips;
using StarkGpu.Fields;
using StarkGpu.Rv32im.Chips.Alu.Shared;
using StarkGpu.Rv32im.Elf;
using StarkGpu.Rv32im.Events;

namespace StarkGpu.Rv32im.Tests.Chips.Support;

/// <summary>
/// Test-only stand-in for the Cpu chip: sends the Alu tuple of every event of the given ALU chips, so that a
/// machine of those chips balances the alu bus. Rows (opcode, a0..a3, b0..b3, c0..c3, is_real).
/// </summary>
public sealed class AluSenderChip(IEnumerable<AluChip> receivers) : Chip<ExecutionRecord, Program>
{
    private readonly AluChip[] _receivers = [.. receivers];

    public const int Opcode = 0;
    public const int A = 1;
    public const int B = 5;
    public const int C = 9;
    public const int IsReal = 13;

    public override string Name => "AluSender";

    public override int Width => 14;

    public override void Eval<TExpr>(IAirBuilder<TExpr> builder)
    {
        var isReal = builder.Local(IsReal);
        builder.AssertBool("is_real is boolean", isReal);
        AluBus.Send(builder, builder.Local(Opcode), WordLimbs.Local(builder, A), WordLimbs.Local(builder, B), WordLimbs.Local(builder, C), isReal);
    }

    public override bool Included(ExecutionRecord record) => MainHeight(record) > 0;

    public override int MainHeight(ExecutionRecord record) => Lists(record).Sum(l => l.Count);

    public override void GenerateMainTrace(ExecutionRecord record, Span2D<KoalaBear> rows)
    {
        var index = 0;
        foreach (var list in Lists(record))
        {
            foreach (var alu in list.Span)
            {
                var row = rows.GetRowSpan(index++);
                row[Opcode] = KoalaBear.FromCanonical((uint)alu.Opcode);
                WordLimbs.Write(alu.A, row[A..]);
                WordLimbs.Write(alu.B, row[B..]);
                WordLimbs.Write(alu.C, row[C..]);
                row[IsReal] = KoalaBear.One;
            }
        }
    }

    private IEnumerable<EventList<AluEvent>> Lists(ExecutionRecord record) => _receivers.Select(r => r.Events(record));
}
