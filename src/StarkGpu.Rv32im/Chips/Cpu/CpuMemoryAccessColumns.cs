namespace StarkGpu.Rv32im.Chips.Cpu;

/// <summary>
/// The Cpu columns that prove memory accesses beyond the word itself: byte and half-word selection, sign extension
/// and merging, the data address's bounds, and every access's timestamp order. They follow
/// <see cref="CpuControlColumns"/>.
/// </summary>
public static class CpuMemoryAccessColumns
{
    public const int Start = CpuControlColumns.End;

    public const int Width = 0;

    public const int End = Start + Width;
}
