namespace StarkGpu.Kernels.Host;

/// <summary>
/// What fills a host tile: sixteen rows of a column-major trace, column-major <c>[width x 16]</c> in L1, before
/// <see cref="TileLines"/> writes each column's sixteen cells to the trace as one 64-byte line.
/// </summary>
internal unsafe interface ITileFill
{
    /// <summary>Whether the tile holds plain values to convert to field elements (false: it already holds field elements).</summary>
    static abstract bool Canonical { get; }

    /// <summary>Fills <paramref name="tile"/> (64-byte aligned) with rows <paramref name="firstRow"/> .. + 15.</summary>
    void Fill(uint* tile, long firstRow);
}
