namespace StarkGpu.Engine.Air;

/// <summary>The assertions every constraint is written with, each reduced to one <c>AssertZero</c>.</summary>
public static class ConstraintSinkExtensions
{
    /// <summary>Constrains through <paramref name="condition"/>: the constraints hold where it is non-zero.</summary>
    public static ConditionalBuilder<TSink, TExpr> When<TSink, TExpr>(this TSink sink, TExpr condition)
        where TSink : IConstraintSink<TExpr>
        where TExpr : IAirExpression<TExpr> =>
        new(sink, condition);

    /// <summary>Constrains where <paramref name="condition"/> is zero (a boolean condition assumed).</summary>
    public static ConditionalBuilder<TSink, TExpr> WhenNot<TSink, TExpr>(this TSink sink, TExpr condition)
        where TSink : IConstraintSink<TExpr>
        where TExpr : IAirExpression<TExpr> =>
        new(sink, TExpr.One - condition);

    public static void AssertEqual<TSink, TExpr>(this TSink sink, string label, TExpr left, TExpr right)
        where TSink : IConstraintSink<TExpr>
        where TExpr : IAirExpression<TExpr> =>
        sink.AssertZero(label, left - right);

    /// <summary>Requires <paramref name="value"/> to be 0 or 1: value * (value - 1) = 0.</summary>
    public static void AssertBool<TSink, TExpr>(this TSink sink, string label, TExpr value)
        where TSink : IConstraintSink<TExpr>
        where TExpr : IAirExpression<TExpr> =>
        sink.AssertZero(label, value * (value - TExpr.One));

    public static void AssertOne<TSink, TExpr>(this TSink sink, string label, TExpr value)
        where TSink : IConstraintSink<TExpr>
        where TExpr : IAirExpression<TExpr> =>
        sink.AssertZero(label, value - TExpr.One);
}
