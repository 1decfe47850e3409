using StarkGpu.Fields;
using StarkGpu.Kernels.Traces;

namespace StarkGpu.Kernels.Host;

/// <summary>
/// One row of a host tile: sixteen rows of plain (canonical) values, column-major <c>[width x 16]</c>, that
/// <see cref="HostTraces"/> converts to field elements a whole column line at a time. Cell (column, row) of the tile
/// is <c>Cells[column * 16]</c> with <see cref="Cells"/> pointing at the row's cell of column 0.
/// </summary>
public unsafe struct CanonicalTileRow : ITraceRow
{
    /// <summary>The row's cell of column 0 (the tile plus the row).</summary>
    public uint* Cells;

    public readonly void SetCanonical(int column, uint value) => Cells[column * MontgomeryLines.Cells] = value;

    public readonly void SetByte(int column, uint value) => Cells[column * MontgomeryLines.Cells] = value;

    public readonly void SetBool(int column, bool value) => Cells[column * MontgomeryLines.Cells] = value ? 1u : 0u;

    // A value already in the field goes back to canonical, so the tile's conversion gives its bits again (rare).
    public readonly void SetField(int column, KoalaBear value) => Cells[column * MontgomeryLines.Cells] = value.Canonical;
}
