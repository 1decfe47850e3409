namespace StarkGpu.Kernels.Host;

/// <summary>Fills a tile with sixteen rows of a row-major trace of field elements (a transpose: nothing to convert).</summary>
internal unsafe struct TransposeTileFill : ITileFill
{
    public uint* Rows;
    public int Columns;

    public static bool Canonical => false;

    // Not inlined into TileLines' loop, nor fully optimized from the start: tiered up with its profile, the JIT inlines the row writer here.
    public readonly void Fill(uint* tile, long firstRow)
    {
        var source = Rows + (firstRow * Columns);
        for (var r = 0; r < MontgomeryLines.Cells; r++)
        {
            var row = source + ((long)r * Columns);
            for (var c = 0; c < Columns; c++)
            {
                tile[(c * MontgomeryLines.Cells) + r] = row[c];
            }
        }
    }
}
