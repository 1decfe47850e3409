namespace StarkGpu.Engine.Air.Symbolic;

/// <summary>
/// Records a chip's constraints and interactions as expression trees: for degree analysis, for reports that name
/// the cells a failing constraint reads, for validating a chip's column indices and buses, and for a prover.
/// </summary>
public sealed class SymbolicAirBuilder : IAirBuilder<SymbolicExpression>
{
    private readonly List<SymbolicConstraint> _constraints = [];
    private readonly List<SymbolicInteraction> _interactions = [];
    private readonly IAir _air;

    private SymbolicAirBuilder(IAir air) => _air = air;

    public string AirName => _air.Name;

    public IReadOnlyList<SymbolicConstraint> Constraints => _constraints;

    public IReadOnlyList<SymbolicInteraction> Interactions => _interactions;

    /// <summary>The largest constraint degree (zero for a chip without constraints).</summary>
    public int MaxConstraintDegree => _constraints.Count == 0 ? 0 : _constraints.Max(c => c.Degree);

    /// <summary>One more than the largest public value index the chip reads (zero for a chip that reads none).</summary>
    public int PublicValueCount { get; private set; }

    /// <summary>The buses the chip touches, distinct, by id.</summary>
    public IReadOnlyList<Bus> Buses => [.. _interactions.Select(i => i.Bus).Distinct().OrderBy(b => b.Id)];

    public SymbolicExpression IsFirstRow => SymbolicExpression.IsFirstRow;

    public SymbolicExpression IsLastRow => SymbolicExpression.IsLastRow;

    public SymbolicExpression IsTransition => SymbolicExpression.IsTransition;

    /// <summary>Runs <paramref name="air"/>'s <see cref="IAir.Eval{TExpr}"/> symbolically.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A column index is outside the chip's widths, or a public value index is negative.</exception>
    /// <exception cref="ArgumentException">A constraint has an empty label.</exception>
    public static SymbolicAirBuilder Evaluate(IAir air)
    {
        ArgumentNullException.ThrowIfNull(air);
        var builder = new SymbolicAirBuilder(air);
        air.Eval(builder);
        return builder;
    }

    public SymbolicExpression Local(int column) => Cell(TraceKind.Main, isNext: false, column);

    public SymbolicExpression Next(int column) => Cell(TraceKind.Main, isNext: true, column);

    public SymbolicExpression PreprocessedLocal(int column) => Cell(TraceKind.Preprocessed, isNext: false, column);

    public SymbolicExpression PreprocessedNext(int column) => Cell(TraceKind.Preprocessed, isNext: true, column);

    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is negative.</exception>
    public SymbolicExpression PublicValue(int index)
    {
        if (index < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(index), index, $"chip {_air.Name} reads public value {index}");
        }

        PublicValueCount = Math.Max(PublicValueCount, index + 1);
        return SymbolicExpression.Of(new SymbolicVariable(TraceKind.Public, IsNext: false, index));
    }

    public void AssertZero(string label, SymbolicExpression expression)
    {
        if (string.IsNullOrWhiteSpace(label))
        {
            throw new ArgumentException($"chip {_air.Name}: constraint #{_constraints.Count} has no label", nameof(label));
        }

        _constraints.Add(new SymbolicConstraint(_constraints.Count, label, expression));
    }

    public void Send(Bus bus, ReadOnlySpan<SymbolicExpression> values, SymbolicExpression multiplicity) =>
        _interactions.Add(new SymbolicInteraction(bus, InteractionKind.Send, values.ToArray(), multiplicity));

    public void Receive(Bus bus, ReadOnlySpan<SymbolicExpression> values, SymbolicExpression multiplicity) =>
        _interactions.Add(new SymbolicInteraction(bus, InteractionKind.Receive, values.ToArray(), multiplicity));

    private SymbolicExpression Cell(TraceKind trace, bool isNext, int column)
    {
        var width = trace == TraceKind.Main ? _air.Width : _air.PreprocessedWidth;
        if ((uint)column >= (uint)width)
        {
            throw new ArgumentOutOfRangeException(
                nameof(column), column, $"chip {_air.Name} reads {trace} column {column} of a {width}-column trace");
        }

        return SymbolicExpression.Of(new SymbolicVariable(trace, isNext, column));
    }
}
