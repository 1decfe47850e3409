namespace StarkGpu.Rv32im.Chips.Memory;

/// <summary>
/// Columns of <see cref="MemoryProgramChip"/>: preprocessed (address, v0..v3, is_image) per image word, width 6,
/// and one main column, is_real. Host only.
/// </summary>
public static class MemoryProgramColumns
{
    /// <summary>Preprocessed: the image word's 4-aligned address, one element.</summary>
    public const int Address = 0;

    /// <summary>Preprocessed: v0..v3, the image word's value as byte limbs.</summary>
    public const int Value = 1;

    /// <summary>Preprocessed: 1 on every image word's row, 0 on the padding rows.</summary>
    public const int IsImage = 5;

    public const int PreprocessedWidth = 6;

    /// <summary>Main: is_image in the last shard (the one carrying the memory boundary), 0 in every other shard.</summary>
    public const int IsReal = 0;

    public const int Width = 1;
}
