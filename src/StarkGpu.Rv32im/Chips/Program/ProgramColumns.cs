namespace StarkGpu.Rv32im.Chips.ProgramTable;

/// <summary>
/// Columns of <see cref="ProgramChip"/>. The preprocessed trace (width 14) is the committed program, one row per
/// instruction, laid out exactly as the <see cref="Rv32imBuses.Program"/> tuple; the main trace (width 1) is how
/// many times the shard executed each instruction, counted by <see cref="Cpu.CpuRows"/> (<see cref="ProgramCounts"/>).
/// </summary>
public static class ProgramColumns
{
    /// <summary>Preprocessed: the instruction's address, CodeBase + 4 * row.</summary>
    public const int Pc = 0;

    /// <summary>Preprocessed: <c>(uint)Isa.Opcode</c>.</summary>
    public const int Opcode = 1;

    /// <summary>Preprocessed: register index of operand a.</summary>
    public const int OpA = 2;

    /// <summary>
    /// Preprocessed: op_b0..3, the byte limbs of operand b's register index or immediate. Limbs, not the value mod
    /// p: an immediate and the same plus p are one field element, and a Cpu row could read its limbs either way.
    /// </summary>
    public const int OpB = 3;

    /// <summary>Preprocessed: op_c0..3, the byte limbs of operand c's register index or immediate.</summary>
    public const int OpC = 7;

    /// <summary>Preprocessed: 1 when op_b is an immediate.</summary>
    public const int ImmB = 11;

    /// <summary>Preprocessed: 1 when op_c is an immediate.</summary>
    public const int ImmC = 12;

    /// <summary>Preprocessed: <see cref="Cpu.InstructionFlags"/> of the opcode, packed into one element.</summary>
    public const int Flags = 13;

    public const int PreprocessedWidth = 14;

    /// <summary>Main: executions of the row's instruction in this shard.</summary>
    public const int Multiplicity = 0;

    public const int Width = 1;
}
