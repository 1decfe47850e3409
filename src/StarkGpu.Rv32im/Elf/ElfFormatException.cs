namespace StarkGpu.Rv32im.Elf;

/// <summary>The input is not an ELF32 little-endian RISC-V executable this machine can load.</summary>
public sealed class ElfFormatException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ElfFormatException()
    {
    }

    /// <summary>Creates the exception with a message naming the offending field and value.</summary>
    public ElfFormatException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with an inner exception.</summary>
    public ElfFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
