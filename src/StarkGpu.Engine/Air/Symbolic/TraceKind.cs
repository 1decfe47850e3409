namespace StarkGpu.Engine.Air.Symbolic;

/// <summary>What a <see cref="SymbolicVariable"/> reads: a cell of one of a chip's two traces, or a public value.</summary>
public enum TraceKind
{
    Main,
    Preprocessed,

    /// <summary>
    /// One of the shard's public values (the variable's column is its index): the same on every row, so a prover
    /// treats it as a constant of degree 0 that the verifier supplies.
    /// </summary>
    Public,
}
