namespace StarkGpu.Engine.Air.Symbolic;

/// <summary>The node types of a <see cref="SymbolicExpression"/>.</summary>
public enum SymbolicExpressionKind
{
    Constant,
    Variable,
    IsFirstRow,
    IsLastRow,
    IsTransition,
    Add,
    Subtract,
    Multiply,
    Negate,
}
