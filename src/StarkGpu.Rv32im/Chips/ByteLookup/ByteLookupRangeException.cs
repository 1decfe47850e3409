namespace StarkGpu.Rv32im.Chips.ByteLookup;

/// <summary>A chip asked the ByteLookup table for a row it does not have (an operand that is no byte): a bug in that chip or its events.</summary>
public sealed class ByteLookupRangeException : Exception
{
    public ByteLookupRangeException()
    {
    }

    public ByteLookupRangeException(string message)
        : base(message)
    {
    }

    public ByteLookupRangeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ByteLookupRangeException(string chipName, string message, Exception? innerException = null)
        : base($"chip {chipName}: {message}", innerException) =>
        ChipName = chipName;

    /// <summary>The contributing chip whose lookups were out of range.</summary>
    public string? ChipName { get; }
}
