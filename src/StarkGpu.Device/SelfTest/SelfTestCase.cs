namespace StarkGpu.Device.SelfTest;

/// <summary>
/// One check of an accelerator against a C# reference, run by <c>stark-gpu selftest</c> on any
/// backend and by the NUnit suite on the CPU backend. A case draws its inputs from the seed it is
/// given (fresh per run), poisons outputs before each launch so unwritten elements are caught, and
/// throws <see cref="SelfTestFailureException"/> (or any exception) on a mismatch.
/// </summary>
public abstract class SelfTestCase
{
    /// <summary>Short stable name, such as <c>koalabear.mul</c>.</summary>
    public abstract string Name { get; }

    /// <summary>Runs the check; returns a one-line detail for the report (sizes, elements compared).</summary>
    public abstract string Run(Accelerator accelerator, int seed);

    public override string ToString() => Name;
}

/// <summary>A self-test found a difference; the message names the first mismatching element.</summary>
public sealed class SelfTestFailureException : Exception
{
    public SelfTestFailureException() { }

    public SelfTestFailureException(string message) : base(message) { }

    public SelfTestFailureException(string message, Exception inner) : base(message, inner) { }
}
