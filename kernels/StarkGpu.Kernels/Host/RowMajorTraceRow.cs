using StarkGpu.Fields;
using StarkGpu.Kernels.Traces;

namespace StarkGpu.Kernels.Host;

/// <summary>A row of a row-major host trace (<c>[height x width]</c>): the row writer's cells go to <c>Cells[column]</c> as field elements.</summary>
public unsafe struct RowMajorTraceRow : ITraceRow
{
    /// <summary>The first cell of the row.</summary>
    public KoalaBear* Cells;

    public readonly void SetCanonical(int column, uint value) => Cells[column] = KoalaBear.FromCanonical(value);

    public readonly void SetByte(int column, uint value) => ((uint*)Cells)[column] = FieldCells.FromByte(value);

    public readonly void SetBool(int column, bool value) => ((uint*)Cells)[column] = FieldCells.FromBool(value);

    public readonly void SetField(int column, KoalaBear value) => Cells[column] = value;
}
