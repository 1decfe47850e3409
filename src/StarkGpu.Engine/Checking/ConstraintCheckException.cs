namespace StarkGpu.Engine.Checking;

/// <summary>Traces that do not satisfy their machine; the message is the full report.</summary>
public sealed class ConstraintCheckException : Exception
{
    public ConstraintCheckException()
    {
    }

    public ConstraintCheckException(string message)
        : base(message)
    {
    }

    public ConstraintCheckException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ConstraintCheckException(CheckReport report)
        : base(report?.ToString()) =>
        Report = report;

    public CheckReport? Report { get; }
}
