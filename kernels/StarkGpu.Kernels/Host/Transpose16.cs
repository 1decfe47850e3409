using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace StarkGpu.Kernels.Host;

/// <summary>
/// A 16 x 16 transpose of 32-bit words in AVX-512 registers: four rounds of block swaps (blocks of 8, 4, 2 and 1
/// lanes), each a pair of two-source permutes (vpermt2d) per pair of rows. Requires <see cref="MontgomeryLines.Has512"/>.
/// </summary>
internal static unsafe class Transpose16
{
    /// <summary>
    /// Rows <c>source + r * stride</c> (r &lt; 16, sixteen words each, any alignment) to the 64-byte-aligned lines
    /// <c>destination + c * 16</c>: line c holds word c of every row.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Lines(uint* source, long stride, uint* destination)
    {
        var r0 = Vector512.Load(source);
        var r1 = Vector512.Load(source + stride);
        var r2 = Vector512.Load(source + (2 * stride));
        var r3 = Vector512.Load(source + (3 * stride));
        var r4 = Vector512.Load(source + (4 * stride));
        var r5 = Vector512.Load(source + (5 * stride));
        var r6 = Vector512.Load(source + (6 * stride));
        var r7 = Vector512.Load(source + (7 * stride));
        var r8 = Vector512.Load(source + (8 * stride));
        var r9 = Vector512.Load(source + (9 * stride));
        var r10 = Vector512.Load(source + (10 * stride));
        var r11 = Vector512.Load(source + (11 * stride));
        var r12 = Vector512.Load(source + (12 * stride));
        var r13 = Vector512.Load(source + (13 * stride));
        var r14 = Vector512.Load(source + (14 * stride));
        var r15 = Vector512.Load(source + (15 * stride));

        Round(8, ref r0, ref r8);
        Round(8, ref r1, ref r9);
        Round(8, ref r2, ref r10);
        Round(8, ref r3, ref r11);
        Round(8, ref r4, ref r12);
        Round(8, ref r5, ref r13);
        Round(8, ref r6, ref r14);
        Round(8, ref r7, ref r15);

        Round(4, ref r0, ref r4);
        Round(4, ref r1, ref r5);
        Round(4, ref r2, ref r6);
        Round(4, ref r3, ref r7);
        Round(4, ref r8, ref r12);
        Round(4, ref r9, ref r13);
        Round(4, ref r10, ref r14);
        Round(4, ref r11, ref r15);

        Round(2, ref r0, ref r2);
        Round(2, ref r1, ref r3);
        Round(2, ref r4, ref r6);
        Round(2, ref r5, ref r7);
        Round(2, ref r8, ref r10);
        Round(2, ref r9, ref r11);
        Round(2, ref r12, ref r14);
        Round(2, ref r13, ref r15);

        Round(1, ref r0, ref r1);
        Round(1, ref r2, ref r3);
        Round(1, ref r4, ref r5);
        Round(1, ref r6, ref r7);
        Round(1, ref r8, ref r9);
        Round(1, ref r10, ref r11);
        Round(1, ref r12, ref r13);
        Round(1, ref r14, ref r15);

        const int L = MontgomeryLines.Cells;
        Vector512.StoreAligned(r0, destination);
        Vector512.StoreAligned(r1, destination + L);
        Vector512.StoreAligned(r2, destination + (2 * L));
        Vector512.StoreAligned(r3, destination + (3 * L));
        Vector512.StoreAligned(r4, destination + (4 * L));
        Vector512.StoreAligned(r5, destination + (5 * L));
        Vector512.StoreAligned(r6, destination + (6 * L));
        Vector512.StoreAligned(r7, destination + (7 * L));
        Vector512.StoreAligned(r8, destination + (8 * L));
        Vector512.StoreAligned(r9, destination + (9 * L));
        Vector512.StoreAligned(r10, destination + (10 * L));
        Vector512.StoreAligned(r11, destination + (11 * L));
        Vector512.StoreAligned(r12, destination + (12 * L));
        Vector512.StoreAligned(r13, destination + (13 * L));
        Vector512.StoreAligned(r14, destination + (14 * L));
        Vector512.StoreAligned(r15, destination + (15 * L));
    }

    // Rows a (row i) and b (row i + block) of a 2 x 2 arrangement of block x block tiles swap their off-diagonal
    // tiles: a keeps its lanes without the block bit and takes b's, b takes a's with it. The indices fold to constants.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Round(uint block, ref Vector512<uint> a, ref Vector512<uint> b)
    {
        var lanes = Vector512<uint>.Indices;
        var inBlock = Vector512.Equals(lanes & Vector512.Create(block), Vector512<uint>.Zero);
        var lowIndex = Vector512.ConditionalSelect(inBlock, lanes, lanes + Vector512.Create(16 - block));
        var highIndex = Vector512.ConditionalSelect(inBlock, lanes + Vector512.Create(block), lanes + Vector512.Create(16u));
        var low = Avx512F.PermuteVar16x32x2(a, lowIndex, b);
        b = Avx512F.PermuteVar16x32x2(a, highIndex, b);
        a = low;
    }
}
