using System.Globalization;
using StarkGpu.Rv32im.Isa;

namespace StarkGpu.Rv32im.Execution;

/// <summary>The guest did something the machine does not allow; names the pc, the instruction and the reason.</summary>
public sealed class ExecutionException : Exception
{
    /// <summary>Creates an exception without details (for serializers and tests).</summary>
    public ExecutionException()
    {
    }

    /// <summary>Creates an exception with a message only.</summary>
    public ExecutionException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and an inner exception.</summary>
    public ExecutionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    internal ExecutionException(ExecutionErrorKind kind, uint pc, uint? instructionWord, ulong cycles, string detail)
        : base(Describe(kind, pc, instructionWord, cycles, detail))
    {
        Kind = kind;
        Pc = pc;
        InstructionWord = instructionWord;
        Cycles = cycles;
        Detail = detail;
    }

    /// <summary>The reason.</summary>
    public ExecutionErrorKind Kind { get; }

    /// <summary>Pc of the offending instruction (for <see cref="ExecutionErrorKind.PcOutOfRange"/>: the bad pc).</summary>
    public uint Pc { get; }

    /// <summary>The instruction word at <see cref="Pc"/>, if there is one.</summary>
    public uint? InstructionWord { get; }

    /// <summary>Instructions executed before the error.</summary>
    public ulong Cycles { get; }

    /// <summary>The specific reason, without the location.</summary>
    public string Detail { get; } = "";

    /// <summary>Disassembly of <see cref="InstructionWord"/>.</summary>
    public string Disassembly => InstructionWord is { } w ? Disassembler.Format(w) : "<no instruction>";

    private static string Describe(ExecutionErrorKind kind, uint pc, uint? word, ulong cycles, string detail) =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"{kind} at pc 0x{pc:x8} [{(word is { } w ? Disassembler.Format(w) : "<no instruction>")}] after {cycles} cycles: {detail}");
}
