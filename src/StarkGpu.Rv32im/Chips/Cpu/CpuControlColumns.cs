namespace StarkGpu.Rv32im.Chips.Cpu;

/// <summary>
/// The Cpu columns that prove control flow: branch conditions and targets, JAL/JALR targets and links, AUIPC and
/// ECALL's result and next pc. They follow <see cref="CpuColumns.BaseWidth"/>.
/// </summary>
public static class CpuControlColumns
{
    public const int Start = CpuColumns.BaseWidth;

    public const int Width = 0;

    public const int End = Start + Width;
}
