using StarkGpu.Engine.Air;
using StarkGpu.Engine.Air.Symbolic;
using StarkGpu.Engine.SelfTest.Toy;
using StarkGpu.Fields;

namespace StarkGpu.Engine.Tests.Air;

public sealed class SymbolicAirBuilderTests
{
    [Test]
    public void RecordsLabelledConstraintsWithTheirDegrees()
    {
        var square = SymbolicAirBuilder.Evaluate(new SquareChip());
        Assert.That(square.Constraints.Select(c => (c.Index, c.Label, c.Degree)), Is.EqualTo(new[]
        {
            (0, "is_real is boolean", 2),
            (1, "y = x^2", 3),
        }));
        Assert.That(square.MaxConstraintDegree, Is.EqualTo(3));
    }

    [Test]
    public void SelectorsCountAsInPlonky3()
    {
        // First-row selector: degree 1; transition selector: degree 0.
        var accumulate = SymbolicAirBuilder.Evaluate(new AccumulateChip());
        Assert.That(accumulate.Constraints.Select(c => (c.Label, c.Degree)), Is.EqualTo(new[]
        {
            ("is_real is boolean", 2),
            ("sum starts at y", 2),
            ("sum accumulates y", 2),
            ("real rows come first", 2),
        }));
    }

    [Test]
    public void RecordsInteractionsInOrder()
    {
        var square = SymbolicAirBuilder.Evaluate(new SquareChip());
        Assert.That(square.Interactions.Select(i => (i.Bus, i.Kind, i.Values.Count)), Is.EqualTo(new[]
        {
            (ToyBuses.Byte, InteractionKind.Send, 1),
            (ToyBuses.Squares, InteractionKind.Send, 2),
        }));
        Assert.That(square.Interactions[1].ToString(), Is.EqualTo("Send squares (main[0], main[1]) x main[2]"));
        Assert.That(square.Buses, Is.EqualTo(new[] { ToyBuses.Byte, ToyBuses.Squares }));
    }

    [Test]
    public void ConditionsNestByMultiplying()
    {
        var accumulate = SymbolicAirBuilder.Evaluate(new AccumulateChip());
        Assert.That(
            accumulate.Constraints[2].Expression.ToString(),
            Is.EqualTo("(is_transition * (main'[3] * (main'[2] - (main[2] + main'[1]))))"));
        Assert.That(
            accumulate.Constraints[2].Expression.Variables().Select(v => v.ToString()),
            Is.EqualTo(new[] { "main[2]", "main'[1]", "main'[2]", "main'[3]" }));
    }

    [Test]
    public void ConstantsFold()
    {
        var x = SymbolicExpression.Of(new SymbolicVariable(TraceKind.Main, false, 0));
        Assert.Multiple(() =>
        {
            Assert.That(x * SymbolicExpression.One, Is.SameAs(x));
            Assert.That(x + SymbolicExpression.Zero, Is.SameAs(x));
            Assert.That((x * SymbolicExpression.Zero).Degree, Is.Zero);
            Assert.That((SymbolicExpression.FromInt(2) * SymbolicExpression.FromInt(3)).Constant, Is.EqualTo(KoalaBear.FromCanonical(6)));
            Assert.That((SymbolicExpression.FromInt(-1) + SymbolicExpression.One).Constant.IsZero, Is.True);
        });
    }

    [Test]
    public void ColumnsOutsideTheTraceAreRejected()
    {
        Assert.That(
            () => SymbolicAirBuilder.Evaluate(new TestAir(1, 0, b => b.AssertZero("c", b.Local(1)))),
            Throws.InstanceOf<ArgumentOutOfRangeException>().With.Message.Contains("Main column 1 of a 1-column trace"));
        Assert.That(
            () => SymbolicAirBuilder.Evaluate(new TestAir(1, 0, b => b.AssertZero("c", b.PreprocessedNext(0)))),
            Throws.InstanceOf<ArgumentOutOfRangeException>());
    }

    [Test]
    public void PublicValuesAreVariablesOfDegreeZero()
    {
        var air = SymbolicAirBuilder.Evaluate(new TestAir(1, 0, b =>
            b.When(b.IsFirstRow).AssertEqual("starts at public 2", b.Local(0), b.PublicValue(2))));
        var constraint = air.Constraints.Single();
        Assert.Multiple(() =>
        {
            Assert.That(constraint.Degree, Is.EqualTo(2), "is_first_row * (cell - public)");
            Assert.That(constraint.Expression.ToString(), Is.EqualTo("(is_first_row * (main[0] - public[2]))"));
            Assert.That(constraint.Expression.Variables(), Is.EqualTo(new[]
            {
                new SymbolicVariable(TraceKind.Main, false, 0), new SymbolicVariable(TraceKind.Public, false, 2),
            }));
            Assert.That(air.PublicValueCount, Is.EqualTo(3));
            Assert.That(SymbolicAirBuilder.Evaluate(new TestAir(1, 0, _ => { })).PublicValueCount, Is.Zero);
        });
        Assert.That(
            () => SymbolicAirBuilder.Evaluate(new TestAir(1, 0, b => b.AssertZero("c", b.PublicValue(-1)))),
            Throws.InstanceOf<ArgumentOutOfRangeException>());
    }

    [Test]
    public void ConstraintsNeedALabel() =>
        Assert.That(
            () => SymbolicAirBuilder.Evaluate(new TestAir(1, 0, b => b.AssertZero(" ", b.Local(0)))),
            Throws.ArgumentException.With.Message.Contains("no label"));

    /// <summary>An air whose constraints a test writes inline, symbolically.</summary>
    private sealed class TestAir(int width, int preprocessedWidth, Action<SymbolicAirBuilder> eval) : IAir
    {
        public string Name => "Test";

        public int Width => width;

        public int PreprocessedWidth => preprocessedWidth;

        public void Eval<TExpr>(IAirBuilder<TExpr> builder) where TExpr : IAirExpression<TExpr> => eval((SymbolicAirBuilder)(object)builder);
    }
}
