namespace StarkGpu.Engine.Air.Symbolic;

/// <summary>One labelled constraint of a chip, in declaration order (<see cref="Index"/>).</summary>
public sealed record SymbolicConstraint(int Index, string Label, SymbolicExpression Expression)
{
    public int Degree => Expression.Degree;

    public override string ToString() => $"{Label} (degree {Degree}): {Expression} = 0";
}
