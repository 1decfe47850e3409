namespace StarkGpu.Engine.Air;

/// <summary>
/// A constraint sink that multiplies every constraint by a condition before passing it on, so that
/// <c>builder.When(isReal).AssertEqual(...)</c> only constrains rows where the condition is one. A struct, so the
/// checker's per-row evaluation allocates nothing; conditions nest by wrapping.
/// </summary>
public readonly struct ConditionalBuilder<TSink, TExpr> : IConstraintSink<TExpr>
    where TSink : IConstraintSink<TExpr>
    where TExpr : IAirExpression<TExpr>
{
    private readonly TSink _inner;
    private readonly TExpr _condition;

    public ConditionalBuilder(TSink inner, TExpr condition)
    {
        _inner = inner;
        _condition = condition;
    }

    public TExpr Condition => _condition;

    public void AssertZero(string label, TExpr expression) => _inner.AssertZero(label, _condition * expression);
}
