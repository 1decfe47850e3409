using StarkGpu.Fields;
using StarkGpu.Kernels.Host;

namespace StarkGpu.Engine.Chips;

/// <summary>Host-side layout changes of traces.</summary>
public static class HostLayout
{
    /// <summary>Writes the column-major form of the row-major <c>[rows x cols]</c> <paramref name="rowMajor"/> into <paramref name="columnMajor"/>.</summary>
    public static unsafe void RowsToColumns(ReadOnlySpan<KoalaBear> rowMajor, int rows, int cols, Span<KoalaBear> columnMajor)
    {
        var cells = (long)rows * cols;
        if (rowMajor.Length < cells || columnMajor.Length < cells)
        {
            throw new ArgumentException($"a {rows} x {cols} transpose needs {cells} cells; the source has {rowMajor.Length}, the destination {columnMajor.Length}");
        }

        if (cells == 0)
        {
            return;
        }

        fixed (KoalaBear* source = rowMajor)
        fixed (KoalaBear* destination = columnMajor)
        {
            HostTraces.TransposeToColumns(source, rows, cols, destination);
        }
    }
}
