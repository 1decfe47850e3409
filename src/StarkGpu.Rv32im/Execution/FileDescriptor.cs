namespace StarkGpu.Rv32im.Execution;

/// <summary>File descriptors WRITE accepts.</summary>
public static class FileDescriptor
{
    /// <summary>Standard output.</summary>
    public const uint Stdout = 1;

    /// <summary>Standard error.</summary>
    public const uint Stderr = 2;

    /// <summary>The public-values stream.</summary>
    public const uint PublicValues = 3;

    /// <summary>Appends a hint to the hint queue.</summary>
    public const uint Hint = 4;
}
