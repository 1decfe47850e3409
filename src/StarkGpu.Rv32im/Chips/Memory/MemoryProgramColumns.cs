namespace StarkGpu.Rv32im.Chips.Memory;

/// <summary>
/// Columns of <see cref="MemoryProgramChip"/>: preprocessed (address, v0..v3) per image word, width 5, and one
/// main column, is_real. Host only.
/// </summary>
public static class MemoryProgramColumns
{
    /// <summary>Preprocessed: the image word's 4-aligned address, one element.</summary>
    public const int Address = 0;

    /// <summary>Preprocessed: v0..v3, the image word's value as byte limbs.</summary>
    public const int Value = 1;

    public const int PreprocessedWidth = 5;

    /// <summary>Main: 1 on every row in the shard that carries the memory boundary, 0 elsewhere.</summary>
    public const int IsReal = 0;

    public const int Width = 1;
}
