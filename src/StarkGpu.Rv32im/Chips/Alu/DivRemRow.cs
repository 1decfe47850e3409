using StarkGpu.Rv32im.Chips.Alu.Shared;
using StarkGpu.Rv32im.Events;
using StarkGpu.Rv32im.Execution;
using StarkGpu.Rv32im.Isa;
using static StarkGpu.Rv32im.Chips.Alu.DivRemColumns;

namespace StarkGpu.Rv32im.Chips.Alu;

/// <summary>The canonical values of one <see cref="DivRemChip"/> row: the host's single source of truth.</summary>
internal static class DivRemRow
{
    /// <summary>Writes the row of <paramref name="e"/> into <paramref name="values"/> (given zeroed, <see cref="Width"/> long).</summary>
    public static void Compute(in AluEvent e, Span<uint> values)
    {
        var signed = e.Opcode is Opcode.Div or Opcode.Rem;
        var quotient = signed ? Division.Div(e.B, e.C) : Division.Divu(e.B, e.C);
        var remainder = signed ? Division.Rem(e.B, e.C) : Division.Remu(e.B, e.C);
        var bNeg = Negative(e.B, signed);
        var cNeg = Negative(e.C, signed);
        var qNeg = Negative(quotient, signed);
        var rNeg = Negative(remainder, signed);
        var absC = cNeg == 1 ? 0u - e.C : e.C;
        var absR = bNeg == 1 ? 0u - remainder : remainder;

        for (var i = 0; i < 4; i++)
        {
            values[A + i] = WordLimbs.Byte(e.A, i);
            values[B + i] = WordLimbs.Byte(e.B, i);
            values[C + i] = WordLimbs.Byte(e.C, i);
            values[Quotient + i] = WordLimbs.Byte(quotient, i);
            values[Remainder + i] = WordLimbs.Byte(remainder, i);
            values[AbsC + i] = WordLimbs.Byte(absC, i);
            values[AbsR + i] = WordLimbs.Byte(absR, i);
        }

        values[BNeg] = bNeg;
        values[CNeg] = cNeg;
        values[QNeg] = qNeg;
        values[RNeg] = rNeg;

        // Carries of c * q + r over sign-extended limbs; for INT_MIN / -1 the high limbs do not sum to b's, and
        // their carries are written as computed (the chip checks only the low word there).
        var carry = 0u;
        for (var k = 0; k < 8; k++)
        {
            var limb = carry + ExtendedLimb(remainder, rNeg, k);
            for (var i = 0; i <= k; i++)
            {
                limb += ExtendedLimb(e.C, cNeg, i) * ExtendedLimb(quotient, qNeg, k - i);
            }

            carry = limb >> 8;
            values[CarryLow + k] = carry & 0xFF;
            values[CarryHigh + k] = carry >> 8;
        }

        WriteNegationCarries(e.C, absC, cNeg, values[CNegationCarry..]);
        WriteNegationCarries(remainder, absR, bNeg, values[RNegationCarry..]);

        if (e.C != 0)
        {
            var difference = absC - absR - 1;
            var lessCarry = 1u;
            for (var k = 0; k < 4; k++)
            {
                values[LtDifference + k] = WordLimbs.Byte(difference, k);
                lessCarry = (WordLimbs.Byte(absR, k) + WordLimbs.Byte(difference, k) + lessCarry) >> 8;
                if (k < 3)
                {
                    values[LtCarry + k] = lessCarry;
                }
            }
        }

        values[CIsZero] = e.C == 0 ? 1u : 0u;
        values[IsOverflow] = signed && e.B == 0x8000_0000 && e.C == uint.MaxValue ? 1u : 0u;
        values[e.Opcode switch
        {
            Opcode.Div => IsDiv,
            Opcode.Divu => IsDivu,
            Opcode.Rem => IsRem,
            _ => IsRemu,
        }] = 1;
    }

    private static uint Negative(uint word, bool signed) => signed ? word >> 31 : 0u;

    /// <summary>Limb <paramref name="index"/> (0..7) of <paramref name="word"/> extended by 0xFF bytes when <paramref name="negative"/> is one.</summary>
    private static uint ExtendedLimb(uint word, uint negative, int index) => index < 4 ? WordLimbs.Byte(word, index) : negative * 0xFF;

    /// <summary>The carries of word + negation = 0 mod 2^32 when <paramref name="negate"/> is one, else zeros.</summary>
    private static void WriteNegationCarries(uint word, uint negation, uint negate, Span<uint> carries)
    {
        if (negate == 0)
        {
            return;
        }

        var carry = 0u;
        for (var k = 0; k < 4; k++)
        {
            carry = (WordLimbs.Byte(word, k) + WordLimbs.Byte(negation, k) + carry) >> 8;
            carries[k] = carry;
        }
    }
}
