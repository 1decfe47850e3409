using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.X86;

namespace StarkGpu.Kernels.Host;

/// <summary>Fills a tile with sixteen rows of a row-major trace of field elements (a transpose: nothing to convert).</summary>
internal unsafe struct TransposeTileFill : ITileFill
{
    public uint* Rows;
    public int Columns;

    public static bool Canonical => false;

    [MethodImpl(MethodImplOptions.AggressiveInlining)] // into TileLines' loop, fully optimized from its first call
    public readonly void Fill(uint* tile, long firstRow)
    {
        var source = Rows + (firstRow * Columns);
        var done = 0;
        if (MontgomeryLines.Has512)
        {
            // The rows two tiles ahead: the register transpose reads sixteen rows a line at a time each, a pattern the
            // hardware prefetchers follow worse than one sequential read (prefetches past the end do not fault).
            var ahead = (byte*)(source + (2L * MontgomeryLines.Cells * Columns));
            var aheadBytes = (long)MontgomeryLines.Cells * Columns * sizeof(uint);
            for (var offset = 0L; offset < aheadBytes; offset += 64)
            {
                Sse.Prefetch0(ahead + offset);
            }

            // Sixteen columns at a time through a register transpose; the columns past the last sixteen one by one.
            for (; done + MontgomeryLines.Cells <= Columns; done += MontgomeryLines.Cells)
            {
                Transpose16.Lines(source + done, Columns, tile + (done * MontgomeryLines.Cells));
            }
        }

        for (var r = 0; r < MontgomeryLines.Cells; r++)
        {
            var row = source + ((long)r * Columns);
            for (var c = done; c < Columns; c++)
            {
                tile[(c * MontgomeryLines.Cells) + r] = row[c];
            }
        }
    }
}
