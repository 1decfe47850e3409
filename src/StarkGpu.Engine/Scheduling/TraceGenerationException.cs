namespace StarkGpu.Engine.Scheduling;

/// <summary>Trace generation failed for a chip; the message names the chip and the phase.</summary>
public class TraceGenerationException : Exception
{
    public TraceGenerationException() { }

    public TraceGenerationException(string message) : base(message) { }

    public TraceGenerationException(string message, Exception inner) : base(message, inner) { }

    public TraceGenerationException(string chipName, string message, Exception? inner)
        : base($"chip {chipName}: {message}", inner) => ChipName = chipName;

    /// <summary>The chip whose generation failed, when one did.</summary>
    public string? ChipName { get; }
}

/// <summary>A chip's trace would be taller than the prover's domain; raised before any allocation.</summary>
public sealed class TraceTooTallException : TraceGenerationException
{
    public TraceTooTallException() { }

    public TraceTooTallException(string message) : base(message) { }

    public TraceTooTallException(string message, Exception inner) : base(message, inner) { }

    public TraceTooTallException(string chipName, long rows, int maxLogRowCount)
        : base(chipName, $"trace of {rows:N0} rows exceeds 2^{maxLogRowCount} = {1L << maxLogRowCount:N0} rows (max log row count {maxLogRowCount})", null)
    {
        Rows = rows;
        MaxLogRowCount = maxLogRowCount;
    }

    public long Rows { get; }

    public int MaxLogRowCount { get; }
}
