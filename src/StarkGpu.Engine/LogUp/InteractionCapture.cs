using StarkGpu.Engine.Air;

namespace StarkGpu.Engine.LogUp;

/// <summary>One interaction as expressions of the outer builder, the multiplicity negated for a receive.</summary>
internal readonly record struct CapturedInteraction<TExpr>(Bus Bus, TExpr[] Values, TExpr SignedMultiplicity);

/// <summary>
/// Runs a chip's Eval against an outer builder but keeps only its interactions, as expressions of that builder
/// (cells, selectors and public values are the outer builder's), dropping its constraints: what the aux
/// constraints are built from.
/// </summary>
internal sealed class InteractionCapture<TExpr>(IAirBuilder<TExpr> outer) : IAirBuilder<TExpr> where TExpr : IAirExpression<TExpr>
{
    public List<CapturedInteraction<TExpr>> Interactions { get; } = [];

    public TExpr IsFirstRow => outer.IsFirstRow;

    public TExpr IsLastRow => outer.IsLastRow;

    public TExpr IsTransition => outer.IsTransition;

    public TExpr Local(int column) => outer.Local(column);

    public TExpr Next(int column) => outer.Next(column);

    public TExpr PreprocessedLocal(int column) => outer.PreprocessedLocal(column);

    public TExpr PreprocessedNext(int column) => outer.PreprocessedNext(column);

    public TExpr PublicValue(int index) => outer.PublicValue(index);

    public void AssertZero(string label, TExpr expression)
    {
    }

    public void Send(Bus bus, ReadOnlySpan<TExpr> values, TExpr multiplicity) => Interactions.Add(new(bus, values.ToArray(), multiplicity));

    public void Receive(Bus bus, ReadOnlySpan<TExpr> values, TExpr multiplicity) => Interactions.Add(new(bus, values.ToArray(), -multiplicity));
}
