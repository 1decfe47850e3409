namespace StarkGpu.Engine.Air;

/// <summary>
/// The view a chip's constraints have of one row of its trace: the main and preprocessed columns of the row and
/// of the next row (wrapping around), the row selectors, the shard's public values, and the bus interactions of the row.
/// </summary>
public interface IAirBuilder<TExpr> : IConstraintSink<TExpr> where TExpr : IAirExpression<TExpr>
{
    /// <summary>Main column <paramref name="column"/> of this row.</summary>
    TExpr Local(int column);

    /// <summary>Main column <paramref name="column"/> of the next row (row 0 after the last row).</summary>
    TExpr Next(int column);

    TExpr PreprocessedLocal(int column);

    TExpr PreprocessedNext(int column);

    /// <summary>
    /// Public value <paramref name="index"/> of the shard (the record's <c>PublicValues</c>): the same on every row,
    /// which ties a chip's first and last rows to what the proof exposes.
    /// </summary>
    TExpr PublicValue(int index);

    /// <summary>One on row 0 of the padded domain, zero elsewhere.</summary>
    TExpr IsFirstRow { get; }

    /// <summary>One on the last row of the padded domain, zero elsewhere.</summary>
    TExpr IsLastRow { get; }

    /// <summary>One on every row but the last of the padded domain.</summary>
    TExpr IsTransition { get; }

    /// <summary>Puts <paramref name="multiplicity"/> copies of <paramref name="values"/> on <paramref name="bus"/>.</summary>
    void Send(Bus bus, ReadOnlySpan<TExpr> values, TExpr multiplicity);

    /// <summary>Takes <paramref name="multiplicity"/> copies of <paramref name="values"/> off <paramref name="bus"/>.</summary>
    void Receive(Bus bus, ReadOnlySpan<TExpr> values, TExpr multiplicity);
}
