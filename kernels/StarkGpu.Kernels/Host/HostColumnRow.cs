using StarkGpu.Fields;
using StarkGpu.Kernels.Traces;

namespace StarkGpu.Kernels.Host;

/// <summary>
/// A row of a column-major host trace (<c>[width x height]</c>) written cell by cell as field elements: cell
/// (column, row) is <c>Trace[column * Height + Row]</c>. <see cref="HostTraces"/> uses it for the last rows that do not
/// fill a tile.
/// </summary>
public unsafe struct HostColumnRow : ITraceRow
{
    public uint* Trace;
    public long Height;
    public long Row;

    public readonly void SetCanonical(int column, uint value) => Trace[(column * Height) + Row] = FieldCells.FromCanonical(value);

    public readonly void SetByte(int column, uint value) => Trace[(column * Height) + Row] = FieldCells.FromByte(value);

    public readonly void SetBool(int column, bool value) => Trace[(column * Height) + Row] = FieldCells.FromBool(value);

    public readonly void SetField(int column, KoalaBear value) => Trace[(column * Height) + Row] = value.Raw;
}
