using ILGPU;
using StarkGpu.Fields;

namespace StarkGpu.Kernels.Traces;

/// <summary>
/// A row of a column-major <c>[width x height]</c> trace in device memory: cell (column, row) is
/// <c>Trace[column * Height + Row]</c>, stored as its field element. On a GPU neighbouring threads write neighbouring
/// rows, so each column's stores coalesce.
/// </summary>
public struct ColumnTraceRow : ITraceRow
{
    public ArrayView<uint> Trace;
    public long Height;
    public long Row;

    public readonly void SetCanonical(int column, uint value) => Trace[(column * Height) + Row] = FieldCells.FromCanonical(value);

    public readonly void SetByte(int column, uint value) => Trace[(column * Height) + Row] = FieldCells.FromByte(value);

    public readonly void SetBool(int column, bool value) => Trace[(column * Height) + Row] = FieldCells.FromBool(value);

    public readonly void SetField(int column, KoalaBear value) => Trace[(column * Height) + Row] = value.Raw;
}
