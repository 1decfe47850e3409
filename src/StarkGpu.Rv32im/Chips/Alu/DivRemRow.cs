using System.Runtime.CompilerServices;
using StarkGpu.Kernels.Counting;
using StarkGpu.Kernels.Traces;
using StarkGpu.Rv32im.Chips.Alu.Shared;
using StarkGpu.Rv32im.Chips.ByteLookup;
using StarkGpu.Rv32im.Events;
using StarkGpu.Rv32im.Execution;
using StarkGpu.Rv32im.Isa;
using static StarkGpu.Rv32im.Chips.Alu.DivRemColumns;

namespace StarkGpu.Rv32im.Chips.Alu;

/// <summary>
/// The row of one DIV, DIVU, REM or REMU event, for the host trace and the kernel alike: a, b, c, the quotient and
/// remainder, their signs, the carries of c * q + r over sign-extended limbs, |c| and |r| with the carries of their
/// negations, |c| - |r| - 1 with its carries (zeros when c = 0), the special-case flags and the opcode selectors.
/// It counts the U8Range checks of <see cref="DivRemChip.ByteRangeRuns"/> and, for DIV and REM, the Msb lookups of
/// the top limbs of b, c, q and r (<see cref="DivRemChip.MsbLookups"/>).
/// </summary>
public readonly struct DivRemRow : IRowWriter<AluEvent>
{
    public static int Width => DivRemColumns.Width;

    // Inlined into the host driver's fully optimized tile loop, so the writer runs optimized from its first row.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Write<TRow, TCounters>(in AluEvent e, long index, ref TRow row, ref TCounters counters)
        where TRow : struct, ITraceRow
        where TCounters : struct, ICounters<TCounters>
    {
        var isDiv = e.Opcode == Opcode.Div;
        var isDivu = e.Opcode == Opcode.Divu;
        var isRem = e.Opcode == Opcode.Rem;
        var isRemu = e.Opcode == Opcode.Remu;
        var valid = isDiv || isDivu || isRem || isRemu;
        var signed = isDiv || isRem;
        var quotient = signed ? Division.Div(e.B, e.C) : Division.Divu(e.B, e.C);
        var remainder = signed ? Division.Rem(e.B, e.C) : Division.Remu(e.B, e.C);
        var bNeg = signed ? e.B >> 31 : 0u;
        var cNeg = signed ? e.C >> 31 : 0u;
        var qNeg = signed ? quotient >> 31 : 0u;
        var rNeg = signed ? remainder >> 31 : 0u;
        var absC = cNeg == 1 ? 0u - e.C : e.C;
        var absR = bNeg == 1 ? 0u - remainder : remainder;

        AluRows.SetWord(ref row, A, e.A);
        AluRows.SetWord(ref row, B, e.B);
        AluRows.SetWord(ref row, C, e.C);
        AluRows.SetWord(ref row, Quotient, quotient);
        AluRows.SetWord(ref row, Remainder, remainder);
        AluRows.SetWord(ref row, AbsC, absC);
        AluRows.SetWord(ref row, AbsR, absR);
        row.SetBool(BNeg, bNeg == 1);
        row.SetBool(CNeg, cNeg == 1);
        row.SetBool(QNeg, qNeg == 1);
        row.SetBool(RNeg, rNeg == 1);

        // Carries of c * q + r over sign-extended limbs; for INT_MIN / -1 the high limbs do not sum to b's, and
        // their carries are written as computed (the chip checks only the low word there). The low and the high
        // bytes of the carries are each range-checked in pairs (limb k - 1, limb k) for odd k.
        var carry = 0u;
        var previousCarry = 0u;
        for (var k = 0; k < 8; k++)
        {
            var sum = carry + ExtendedLimb(remainder, rNeg, k);
            for (var i = 0; i <= k; i++)
            {
                sum += ExtendedLimb(e.C, cNeg, i) * ExtendedLimb(quotient, qNeg, k - i);
            }

            carry = sum >> 8;
            row.SetByte(CarryLow + k, carry & 0xff);
            row.SetByte(CarryHigh + k, carry >> 8);
            if (valid && (k & 1) == 1)
            {
                ByteLookupCounts.Range(ref counters, previousCarry & 0xff, carry & 0xff);
                ByteLookupCounts.Range(ref counters, previousCarry >> 8, carry >> 8);
            }

            previousCarry = carry;
        }

        SetNegationCarries(ref row, CNegationCarry, e.C, absC, cNeg == 1);
        SetNegationCarries(ref row, RNegationCarry, remainder, absR, bNeg == 1);

        // |r| + 1 + difference = |c| proves |r| < |c| where c is not zero; all zeros where it is.
        var difference = e.C != 0 ? absC - absR - 1 : 0u;
        AluRows.SetWord(ref row, LtDifference, difference);
        var lessCarry = 1u;
        for (var k = 0; k < 3; k++)
        {
            lessCarry = (((absR >> (8 * k)) & 0xff) + ((difference >> (8 * k)) & 0xff) + lessCarry) >> 8;
            row.SetBool(LtCarry + k, e.C != 0 && lessCarry == 1);
        }

        row.SetBool(CIsZero, e.C == 0);
        row.SetBool(IsOverflow, signed && e.B == 0x8000_0000 && e.C == uint.MaxValue);
        row.SetBool(IsDiv, isDiv);
        row.SetBool(IsDivu, isDivu);
        row.SetBool(IsRem, isRem);
        row.SetBool(IsRemu, isRemu);
        if (!valid)
        {
            return false;
        }

        ByteLookupCounts.Word(ref counters, e.A);
        ByteLookupCounts.Word(ref counters, e.B);
        ByteLookupCounts.Word(ref counters, e.C);
        ByteLookupCounts.Word(ref counters, quotient);
        ByteLookupCounts.Word(ref counters, remainder);
        ByteLookupCounts.Word(ref counters, absC);
        ByteLookupCounts.Word(ref counters, absR);
        ByteLookupCounts.Word(ref counters, difference);
        if (signed)
        {
            ByteLookupCounts.Add(ref counters, ByteOpcode.Msb, e.B >> 24, 0);
            ByteLookupCounts.Add(ref counters, ByteOpcode.Msb, e.C >> 24, 0);
            ByteLookupCounts.Add(ref counters, ByteOpcode.Msb, quotient >> 24, 0);
            ByteLookupCounts.Add(ref counters, ByteOpcode.Msb, remainder >> 24, 0);
        }

        return true;
    }

    /// <summary>Limb <paramref name="index"/> (0..7) of <paramref name="word"/> extended by 0xFF bytes when <paramref name="negative"/> is one.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint ExtendedLimb(uint word, uint negative, int index) => index < 4 ? (word >> (8 * index)) & 0xff : negative * 0xFF;

    /// <summary>The four carries of word + negation = 0 mod 2^32 from column <paramref name="first"/> when <paramref name="negate"/>, else zeros.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void SetNegationCarries<TRow>(ref TRow row, int first, uint word, uint negation, bool negate)
        where TRow : struct, ITraceRow
    {
        var carry = 0u;
        for (var k = 0; k < 4; k++)
        {
            carry = (((word >> (8 * k)) & 0xff) + ((negation >> (8 * k)) & 0xff) + carry) >> 8;
            row.SetBool(first + k, negate && carry == 1);
        }
    }
}
