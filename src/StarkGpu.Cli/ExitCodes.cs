namespace StarkGpu.Cli;

/// <summary>Process exit codes shared by every command.</summary>
internal static class ExitCodes
{
    public const int Success = 0;

    /// <summary>The guest program, a check or a self-test failed.</summary>
    public const int Failed = 1;

    /// <summary>Bad input: a file, an argument, an ELF, an unsupported backend.</summary>
    public const int BadInput = 2;
}
