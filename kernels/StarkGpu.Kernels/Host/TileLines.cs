using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace StarkGpu.Kernels.Host;

/// <summary>
/// Writes a range of sixteen-row tiles of a column-major <c>[width x height]</c> trace, a tile at a time: the fill
/// writes the tile (L1), then each column's sixteen cells are converted at once and stored as one 64-byte line.
/// </summary>
/// <remarks>
/// A plain store of a line first reads it into the cache (read for ownership), so a write-only trace would cost
/// twice its bytes in memory traffic; a non-temporal (streaming) store of a whole aligned line writes it without
/// reading it, as memset does. But a chip's height is its number of events, so a column starts anywhere in a line:
/// a tile's sixteen cells of column c straddle two lines, <c>phase</c> (the start of the cells mod 16 words) into the
/// first. With AVX-512 each column therefore keeps its previous tile's line and streams the aligned line spliced
/// from the two (the last <c>phase</c> cells of the previous tile, then the first 16 - phase of this one, one
/// vpermt2d). Only the partial lines at the ends of a worker's range, shared with a neighbouring worker or column,
/// get plain stores of just their own cells. Rows written straight into the trace would instead leave width partly
/// written lines per row, and with a power-of-two height the columns lie 2^k bytes apart and compete for one cache
/// set. With AVX2 only the splice takes two windows of eight words; without AVX2 the lines are stored plainly.
/// This is the scheme the first version's CPU kernels used (issue 4).
/// </remarks>
internal static unsafe class TileLines
{
    private const int Cells = MontgomeryLines.Cells;

    /// <summary>
    /// Tiles [<paramref name="firstTile"/>, <paramref name="endTile"/>) of the trace at <paramref name="trace"/> (4-byte
    /// aligned), with <paramref name="tile"/> and <paramref name="previous"/> two 64-byte-aligned scratch blocks of
    /// <c>width * 16</c> words.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Write<TFill>(ref TFill fill, uint* trace, long height, int width, long firstTile, long endTile, uint* tile, uint* previous)
        where TFill : struct, ITileFill
    {
        if (firstTile >= endTile)
        {
            return;
        }

        if (MontgomeryLines.Has512)
        {
            WriteSpliced(ref fill, trace, height, width, firstTile, endTile, tile, previous);
        }
        else if (MontgomeryLines.Has256)
        {
            WriteSpliced256(ref fill, trace, height, width, firstTile, endTile, tile, previous);
        }
        else
        {
            WritePlain(ref fill, trace, height, width, firstTile, endTile, tile, previous);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // called once per trace: full optimization from the first call, not tier 0 and OSR
    private static void WriteSpliced<TFill>(ref TFill fill, uint* trace, long height, int width, long firstTile, long endTile, uint* tile, uint* previous)
        where TFill : struct, ITileFill
    {
        var indices = Vector512<uint>.Indices;
        for (var t = firstTile; t < endTile; t++)
        {
            var first = t * Cells;
            fill.Fill(tile, first);
            var column = trace + first;
            for (var c = 0; c < width; c++, column += height)
            {
                var line = Vector512.LoadAligned(tile + (c * Cells));
                if (TFill.Canonical)
                {
                    line = MontgomeryLines.FromCanonical(line);
                }

                var phase = (uint)((nuint)column / sizeof(uint)) % Cells;
                if (phase == 0)
                {
                    Avx512F.StoreAlignedNonTemporal(column, line);
                    continue;
                }

                var kept = previous + (c * Cells);
                if (t != firstTile)
                {
                    var spliced = Avx512F.PermuteVar16x32x2(Vector512.LoadAligned(kept), indices + Vector512.Create(Cells - phase), line);
                    Avx512F.StoreAlignedNonTemporal(column - phase, spliced);
                    Vector512.StoreAligned(line, kept);
                }
                else
                {
                    Vector512.StoreAligned(line, kept);
                    Copy(kept, column, 0, Cells - (int)phase); // up to the first line boundary
                }
            }
        }

        WriteTails(trace, height, width, endTile, previous);
        Sse.StoreFence(); // streaming stores are weakly ordered: visible before the worker reports done
    }

    // WriteSpliced with AVX2: a line is two registers, and a splice two windows of eight words over the four
    // registers of the previous and the current line (two vpermd and a blend each).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // called once per trace: full optimization from the first call, not tier 0 and OSR
    private static void WriteSpliced256<TFill>(ref TFill fill, uint* trace, long height, int width, long firstTile, long endTile, uint* tile, uint* previous)
        where TFill : struct, ITileFill
    {
        for (var t = firstTile; t < endTile; t++)
        {
            var first = t * Cells;
            fill.Fill(tile, first);
            var column = trace + first;
            for (var c = 0; c < width; c++, column += height)
            {
                var cells = tile + (c * Cells);
                var low = Vector256.LoadAligned(cells);
                var high = Vector256.LoadAligned(cells + 8);
                if (TFill.Canonical)
                {
                    low = MontgomeryLines.FromCanonical(low);
                    high = MontgomeryLines.FromCanonical(high);
                }

                var phase = (int)((uint)((nuint)column / sizeof(uint)) % Cells);
                if (phase == 0)
                {
                    Avx.StoreAlignedNonTemporal(column, low);
                    Avx.StoreAlignedNonTemporal(column + 8, high);
                    continue;
                }

                var kept = previous + (c * Cells);
                if (t != firstTile)
                {
                    // The line is words [start, start + 16) of previous ++ current.
                    var start = Cells - phase;
                    var keptLow = Vector256.LoadAligned(kept);
                    var keptHigh = Vector256.LoadAligned(kept + 8);
                    var offset = start % 8;
                    var line = column - phase;
                    if (start < 8)
                    {
                        Avx.StoreAlignedNonTemporal(line, Window(keptLow, keptHigh, offset));
                        Avx.StoreAlignedNonTemporal(line + 8, Window(keptHigh, low, offset));
                    }
                    else
                    {
                        Avx.StoreAlignedNonTemporal(line, Window(keptHigh, low, offset));
                        Avx.StoreAlignedNonTemporal(line + 8, Window(low, high, offset));
                    }
                }

                Vector256.StoreAligned(low, kept);
                Vector256.StoreAligned(high, kept + 8);
                if (t == firstTile)
                {
                    Copy(kept, column, 0, Cells - phase); // up to the first line boundary
                }
            }
        }

        WriteTails(trace, height, width, endTile, previous);
        Sse.StoreFence();
    }

    // Words [offset, offset + 8) of x ++ y (offset < 8).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<uint> Window(Vector256<uint> x, Vector256<uint> y, int offset)
    {
        if (offset == 0)
        {
            return x;
        }

        var lanes = Vector256<uint>.Indices + Vector256.Create((uint)offset);
        var index = lanes & Vector256.Create(7u);
        return Vector256.ConditionalSelect(Vector256.GreaterThan(lanes, Vector256.Create(7u)), Avx2.PermuteVar8x32(y, index), Avx2.PermuteVar8x32(x, index));
    }

    // The last tile's cells past its last line boundary, from the kept lines.
    private static void WriteTails(uint* trace, long height, int width, long endTile, uint* previous)
    {
        var last = trace + ((endTile - 1) * Cells);
        for (var c = 0; c < width; c++, last += height)
        {
            var phase = (int)((uint)((nuint)last / sizeof(uint)) % Cells);
            if (phase != 0)
            {
                Copy(previous + (c * Cells), last, Cells - phase, Cells);
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // called once per trace: full optimization from the first call, not tier 0 and OSR
    private static void WritePlain<TFill>(ref TFill fill, uint* trace, long height, int width, long firstTile, long endTile, uint* tile, uint* line)
        where TFill : struct, ITileFill
    {
        for (var t = firstTile; t < endTile; t++)
        {
            var first = t * Cells;
            fill.Fill(tile, first);
            var column = trace + first;
            for (var c = 0; c < width; c++, column += height)
            {
                var cells = tile + (c * Cells);
                if (TFill.Canonical)
                {
                    MontgomeryLines.ConvertLine(cells, line);
                    cells = line;
                }

                if (Avx.IsSupported && (nuint)column % 64 == 0)
                {
                    Avx.StoreAlignedNonTemporal(column, Vector256.LoadAligned(cells));
                    Avx.StoreAlignedNonTemporal(column + 8, Vector256.LoadAligned(cells + 8));
                }
                else
                {
                    Copy(cells, column, 0, Cells);
                }
            }
        }

        if (Avx.IsSupported)
        {
            Sse.StoreFence();
        }
    }

    // Cells [from, to) of the line at source to the same cells at destination, with plain stores.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Copy(uint* source, uint* destination, int from, int to)
    {
        for (var k = from; k < to; k++)
        {
            destination[k] = source[k];
        }
    }
}
