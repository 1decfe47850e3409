namespace StarkGpu.Engine.Air;

/// <summary>
/// Anything that accepts labelled constraints: a builder, or a builder seen through conditions
/// (<see cref="ConditionalBuilder{TSink, TExpr}"/>). The assertion helpers in <see cref="ConstraintSinkExtensions"/>
/// are written once against it.
/// </summary>
public interface IConstraintSink<TExpr> where TExpr : IAirExpression<TExpr>
{
    /// <summary>Requires <paramref name="expression"/> to vanish on every row of the padded domain.</summary>
    /// <param name="label">Names the constraint in reports; unique within a chip by convention.</param>
    void AssertZero(string label, TExpr expression);
}
