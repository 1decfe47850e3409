using StarkGpu.Rv32im.Chips.Alu.Shared;
using StarkGpu.Rv32im.Events;
using StarkGpu.Rv32im.Isa;
using static StarkGpu.Rv32im.Chips.Alu.ShiftRightColumns;

namespace StarkGpu.Rv32im.Chips.Alu;

/// <summary>The canonical values of one <see cref="ShiftRightChip"/> row: the host's single source of truth.</summary>
internal static class ShiftRightRow
{
    /// <summary>Writes the row of <paramref name="e"/> into <paramref name="values"/> (given zeroed, <see cref="Width"/> long).</summary>
    public static void Compute(in AluEvent e, Span<uint> values)
    {
        var bytes = (int)((e.C >> 3) & 3);
        var isSra = e.Opcode == Opcode.Sra;
        var msb = e.B >> 31;
        var sign = isSra && msb == 1 ? 0xFFu : 0u;

        for (var i = 0; i < 4; i++)
        {
            values[A + i] = WordLimbs.Byte(e.A, i);
            values[B + i] = WordLimbs.Byte(e.B, i);
            values[C + i] = WordLimbs.Byte(e.C, i);
        }

        ShiftAmount.Compute(e.C, right: true, values);
        var multiplier = values[BitMultiplier];
        values[BMsb] = msb;
        values[SignByte] = sign;

        // Limb i of the shifted word is byte i + bytes of b extended by sign bytes; limb 4 is always the sign byte.
        var carry = 0u;
        for (var i = 0; i < 5; i++)
        {
            var source = i + bytes;
            var limb = source < 4 ? WordLimbs.Byte(e.B, source) : sign;
            if (i < 4)
            {
                values[ByteShifted + i] = limb;
            }

            var product = (limb * multiplier) + carry;
            carry = product >> 8;
            values[Carry + i] = carry;
            if (i == 0)
            {
                values[ShiftedOut] = product & 0xFF;
            }
        }

        values[isSra ? IsSra : IsSrl] = 1;
    }
}
