using System.Runtime.CompilerServices;
using StarkGpu.Kernels.Traces;
using static StarkGpu.Rv32im.Chips.Alu.ShiftAmount;

namespace StarkGpu.Rv32im.Chips.Alu;

/// <summary>
/// The shift amount cells both shift rows share (<see cref="ShiftAmount"/>'s columns, c[0] itself excepted: it is a
/// limb of c), kernel-safe: a class apart from <see cref="ShiftAmount"/>, whose constraint labels are static arrays.
/// </summary>
internal static class ShiftAmountRow
{
    /// <summary>
    /// Sets the bits of c[0], the one-hot selectors of n = c mod 8 and m = (c / 8) mod 4, and the multiplier
    /// (2^n left, 2^(8 - n) right), which it returns.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint Set<TRow>(ref TRow row, uint c, bool right)
        where TRow : struct, ITraceRow
    {
        var bits = c & 7;
        var bytes = (c >> 3) & 3;
        for (var k = 0; k < 8; k++)
        {
            row.SetBool(CLowByteBits + k, ((c >> k) & 1) != 0);
            row.SetBool(ShiftByBits + k, bits == k);
        }

        for (var j = 0; j < 4; j++)
        {
            row.SetBool(ShiftByBytes + j, bytes == j);
        }

        var multiplier = right ? 256u >> (int)bits : 1u << (int)bits;
        row.SetByte(BitMultiplier, multiplier);
        return multiplier;
    }
}
