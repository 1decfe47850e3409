using ILGPU;
using StarkGpu.Kernels.Launch;

namespace StarkGpu.Kernels.Layout;

/// <summary>
/// Row-major <c>[rows x cols]</c> to column-major <c>[cols x rows]</c> of 32-bit words, by square tiles of
/// <see cref="Tile"/> x <see cref="Tile"/> so that both the reads and the writes of a tile stay within a few cache
/// lines. <c>range</c> covers the tiles, numbered row-tile-major (tile t is row tile t / colTiles, column tile
/// t % colTiles); a contiguous chunk of tiles per index on the CPU walks the rows in order.
/// </summary>
public static class TransposeKernels
{
    public const int Tile = 16;

    /// <summary>Work items (tiles) a <paramref name="rows"/> x <paramref name="cols"/> transpose has.</summary>
    public static long TileCount(long rows, long cols) => (rows + Tile - 1) / Tile * ((cols + Tile - 1) / Tile);

    public static void RowsToColumns(Index1D index, ArrayView<uint> rowMajor, ArrayView<uint> columnMajor, long rows, long cols, WorkRange range)
    {
        var colTiles = (cols + Tile - 1) / Tile;
        // Bounds in locals: the CPU accelerator runs this IL as it is, and the JIT does not hoist them.
        long end = range.End(index), step = range.Step;
        for (var t = range.First(index); t < end; t += step)
        {
            var row0 = t / colTiles * Tile;
            var col0 = t % colTiles * Tile;
            var rowEnd = row0 + Tile < rows ? row0 + Tile : rows;
            var colEnd = col0 + Tile < cols ? col0 + Tile : cols;
            for (var c = col0; c < colEnd; c++)
            {
                for (var r = row0; r < rowEnd; r++)
                {
                    columnMajor[(c * rows) + r] = rowMajor[(r * cols) + c];
                }
            }
        }
    }
}
