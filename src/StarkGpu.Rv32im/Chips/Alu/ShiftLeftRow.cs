using StarkGpu.Rv32im.Chips.Alu.Shared;
using StarkGpu.Rv32im.Events;
using static StarkGpu.Rv32im.Chips.Alu.ShiftLeftColumns;

namespace StarkGpu.Rv32im.Chips.Alu;

/// <summary>The canonical values of one <see cref="ShiftLeftChip"/> row: the host's single source of truth.</summary>
internal static class ShiftLeftRow
{
    /// <summary>Writes the row of <paramref name="e"/> into <paramref name="values"/> (given zeroed, <see cref="Width"/> long).</summary>
    public static void Compute(in AluEvent e, Span<uint> values)
    {
        var bits = (int)(e.C & 7);
        var carry = 0u;
        for (var i = 0; i < 4; i++)
        {
            values[A + i] = WordLimbs.Byte(e.A, i);
            values[B + i] = WordLimbs.Byte(e.B, i);
            values[C + i] = WordLimbs.Byte(e.C, i);
            var shifted = (WordLimbs.Byte(e.B, i) << bits) + carry;
            values[BitShifted + i] = shifted & 0xFF;
            carry = shifted >> 8;
            values[BitShiftCarry + i] = carry;
        }

        ShiftAmount.Compute(e.C, right: false, values);
        values[IsReal] = 1;
    }
}
