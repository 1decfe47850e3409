namespace StarkGpu.Engine.Air;

/// <summary>
/// The algebraic part of a chip: its shape and its constraints and interactions, written once against a builder.
/// <see cref="Eval{TExpr}"/> must not branch on values (it cannot: expressions are opaque), so every builder sees
/// the same constraints in the same order, and the n-th <c>AssertZero</c> of one builder is the n-th of another.
/// </summary>
public interface IAir
{
    /// <summary>Unique within a machine; machines order chips by it (ordinal).</summary>
    string Name { get; }

    /// <summary>Number of main trace columns.</summary>
    int Width { get; }

    /// <summary>Number of preprocessed trace columns (zero for most chips).</summary>
    int PreprocessedWidth { get; }

    /// <summary>Declares the constraints and interactions of one row.</summary>
    void Eval<TExpr>(IAirBuilder<TExpr> builder) where TExpr : IAirExpression<TExpr>;
}
