namespace StarkGpu.Engine.Air.Symbolic;

/// <summary>The two traces a chip's constraints read.</summary>
public enum TraceKind
{
    Main,
    Preprocessed,
}
