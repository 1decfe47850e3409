using CommunityToolkit.HighPerformance;
using StarkGpu.Engine.Air;
using StarkGpu.Engine.Chips;
using StarkGpu.Fields;

namespace StarkGpu.Engine.SelfTest.Toy;

/// <summary>
/// Rows (x, y, running sum of y, is_real): receives every (x, x^2) the Square chips publish and sums the squares.
/// Host-only; its transition constraints exercise the next-row window.
/// </summary>
public sealed class AccumulateChip : Chip<ToyRecord, ToyProgram>
{
    public const int X = 0;
    public const int Y = 1;
    public const int Sum = 2;
    public const int IsReal = 3;

    public override string Name => "Accumulate";

    public override int Width => 4;

    public override void Eval<TExpr>(IAirBuilder<TExpr> builder)
    {
        var isReal = builder.Local(IsReal);
        var nextIsReal = builder.Next(IsReal);
        builder.AssertBool("is_real is boolean", isReal);
        builder.When(builder.IsFirstRow).AssertEqual("sum starts at y", builder.Local(Sum), builder.Local(Y));
        builder.When(builder.IsTransition).When(nextIsReal)
            .AssertEqual("sum accumulates y", builder.Next(Sum), builder.Local(Sum) + builder.Next(Y));
        builder.When(builder.IsTransition).WhenNot(isReal).AssertZero("real rows come first", nextIsReal);
        builder.Receive(ToyBuses.Squares, [builder.Local(X), builder.Local(Y)], isReal);
    }

    public override bool Included(ToyRecord record) => record.Accumulations.Count > 0;

    public override int MainHeight(ToyRecord record) => record.Accumulations.Count;

    public override void GenerateMainTrace(ToyRecord record, Span2D<KoalaBear> rows)
    {
        var sum = KoalaBear.Zero;
        for (var i = 0; i < record.Accumulations.Count; i++)
        {
            var (x, y) = record.Accumulations[i];
            sum += KoalaBear.FromCanonical(y);
            var row = rows.GetRowSpan(i);
            row[X] = KoalaBear.FromCanonical(x);
            row[Y] = KoalaBear.FromCanonical(y);
            row[Sum] = sum;
            row[IsReal] = KoalaBear.One;
        }
    }
}
