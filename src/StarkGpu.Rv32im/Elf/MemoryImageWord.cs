namespace StarkGpu.Rv32im.Elf;

/// <summary>One nonzero word of the program's initial memory.</summary>
/// <param name="Address">4-aligned byte address.</param>
/// <param name="Value">Little-endian word value.</param>
public readonly record struct MemoryImageWord(uint Address, uint Value);
