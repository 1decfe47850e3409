using StarkGpu.Rv32im.Chips.Alu.Shared;
using StarkGpu.Rv32im.Events;
using StarkGpu.Rv32im.Isa;
using static StarkGpu.Rv32im.Chips.Alu.MulColumns;

namespace StarkGpu.Rv32im.Chips.Alu;

/// <summary>The canonical values of one <see cref="MulChip"/> row: the host's single source of truth.</summary>
internal static class MulRow
{
    /// <summary>Writes the row of <paramref name="e"/> into <paramref name="values"/> (given zeroed, <see cref="Width"/> long).</summary>
    public static void Compute(in AluEvent e, Span<uint> values)
    {
        var bMsb = e.B >> 31;
        var cMsb = e.C >> 31;
        var bSignExtend = (e.Opcode is Opcode.Mulh or Opcode.Mulhsu) && bMsb == 1 ? 1u : 0u;
        var cSignExtend = e.Opcode == Opcode.Mulh && cMsb == 1 ? 1u : 0u;
        for (var i = 0; i < 4; i++)
        {
            values[A + i] = WordLimbs.Byte(e.A, i);
            values[B + i] = WordLimbs.Byte(e.B, i);
            values[C + i] = WordLimbs.Byte(e.C, i);
        }

        var carry = 0u;
        for (var k = 0; k < 8; k++)
        {
            var limb = carry;
            for (var i = 0; i <= k; i++)
            {
                limb += ExtendedLimb(e.B, bSignExtend, i) * ExtendedLimb(e.C, cSignExtend, k - i);
            }

            values[Product + k] = limb & 0xFF;
            carry = limb >> 8;
            values[CarryLow + k] = carry & 0xFF;
            values[CarryHigh + k] = carry >> 8;
        }

        values[BMsb] = bMsb;
        values[CMsb] = cMsb;
        values[BSignExtend] = bSignExtend;
        values[CSignExtend] = cSignExtend;
        values[e.Opcode switch
        {
            Opcode.Mul => IsMul,
            Opcode.Mulh => IsMulh,
            Opcode.Mulhu => IsMulhu,
            _ => IsMulhsu,
        }] = 1;
    }

    /// <summary>Limb <paramref name="index"/> (0..7) of <paramref name="word"/> extended by 0xFF bytes when <paramref name="signExtend"/> is one.</summary>
    private static uint ExtendedLimb(uint word, uint signExtend, int index) => index < 4 ? WordLimbs.Byte(word, index) : signExtend * 0xFF;
}
