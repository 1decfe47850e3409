namespace StarkGpu.Cli;

/// <summary>The user's input is wrong (a file, an argument, an ELF): exit code 2 with a one-line reason.</summary>
internal sealed class BadInputException : Exception
{
    public BadInputException() { }

    public BadInputException(string message) : base(message) { }

    public BadInputException(string message, Exception inner) : base(message, inner) { }
}
