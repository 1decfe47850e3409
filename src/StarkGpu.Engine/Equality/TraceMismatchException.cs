namespace StarkGpu.Engine.Equality;

/// <summary>A device trace that differs from its host trace; the message is the comparison's report.</summary>
public sealed class TraceMismatchException : Exception
{
    public TraceMismatchException()
    {
    }

    public TraceMismatchException(string message)
        : base(message)
    {
    }

    public TraceMismatchException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public TraceMismatchException(TraceComparison comparison)
        : base(comparison?.Report) =>
        Comparison = comparison;

    public TraceComparison? Comparison { get; }
}
