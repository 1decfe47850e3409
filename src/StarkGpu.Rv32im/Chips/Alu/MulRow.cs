using System.Runtime.CompilerServices;
using StarkGpu.Kernels.Counting;
using StarkGpu.Kernels.Traces;
using StarkGpu.Rv32im.Chips.Alu.Shared;
using StarkGpu.Rv32im.Chips.ByteLookup;
using StarkGpu.Rv32im.Events;
using StarkGpu.Rv32im.Isa;
using static StarkGpu.Rv32im.Chips.Alu.MulColumns;

namespace StarkGpu.Rv32im.Chips.Alu;

/// <summary>
/// The row of one MUL, MULH, MULHU or MULHSU event, for the host trace and the kernel alike: the limbs of a, b and
/// c, the eight limbs of the product of the (sign-)extended operands with the two bytes of each carry, the sign bits
/// and sign extensions, and the opcode selectors. It counts the U8Range checks of <see cref="MulChip.ByteRangeRuns"/>
/// (columns a .. carry high, in pairs) and the Msb lookups of b[3] and c[3].
/// </summary>
public readonly struct MulRow : IRowWriter<AluEvent>
{
    public static int Width => MulColumns.Width;

    // Inlined into the host driver's fully optimized tile loop, so the writer runs optimized from its first row.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Write<TRow, TCounters>(in AluEvent e, long index, ref TRow row, ref TCounters counters)
        where TRow : struct, ITraceRow
        where TCounters : struct, ICounters<TCounters>
    {
        var isMul = e.Opcode == Opcode.Mul;
        var isMulh = e.Opcode == Opcode.Mulh;
        var isMulhu = e.Opcode == Opcode.Mulhu;
        var isMulhsu = e.Opcode == Opcode.Mulhsu;
        var valid = isMul || isMulh || isMulhu || isMulhsu;
        var bMsb = e.B >> 31;
        var cMsb = e.C >> 31;
        var bSignExtend = (isMulh || isMulhsu) && bMsb == 1 ? 1u : 0u;
        var cSignExtend = isMulh && cMsb == 1 ? 1u : 0u;

        AluRows.SetWord(ref row, A, e.A);
        AluRows.SetWord(ref row, B, e.B);
        AluRows.SetWord(ref row, C, e.C);

        // Limb k of the product, and the two bytes of its carry out; each of the three runs of eight bytes is
        // range-checked in pairs (limb k - 1, limb k) for odd k.
        var carry = 0u;
        var previousLimb = 0u;
        var previousCarry = 0u;
        for (var k = 0; k < 8; k++)
        {
            var sum = carry;
            for (var i = 0; i <= k; i++)
            {
                sum += ExtendedLimb(e.B, bSignExtend, i) * ExtendedLimb(e.C, cSignExtend, k - i);
            }

            var limb = sum & 0xff;
            carry = sum >> 8;
            row.SetByte(Product + k, limb);
            row.SetByte(CarryLow + k, carry & 0xff);
            row.SetByte(CarryHigh + k, carry >> 8);
            if (valid && (k & 1) == 1)
            {
                ByteLookupCounts.Range(ref counters, previousLimb, limb);
                ByteLookupCounts.Range(ref counters, previousCarry & 0xff, carry & 0xff);
                ByteLookupCounts.Range(ref counters, previousCarry >> 8, carry >> 8);
            }

            previousLimb = limb;
            previousCarry = carry;
        }

        row.SetBool(BMsb, bMsb == 1);
        row.SetBool(CMsb, cMsb == 1);
        row.SetBool(BSignExtend, bSignExtend == 1);
        row.SetBool(CSignExtend, cSignExtend == 1);
        row.SetBool(IsMul, isMul);
        row.SetBool(IsMulh, isMulh);
        row.SetBool(IsMulhu, isMulhu);
        row.SetBool(IsMulhsu, isMulhsu);
        if (!valid)
        {
            return false;
        }

        ByteLookupCounts.Word(ref counters, e.A);
        ByteLookupCounts.Word(ref counters, e.B);
        ByteLookupCounts.Word(ref counters, e.C);
        ByteLookupCounts.Add(ref counters, ByteOpcode.Msb, e.B >> 24, 0);
        ByteLookupCounts.Add(ref counters, ByteOpcode.Msb, e.C >> 24, 0);
        return true;
    }

    /// <summary>Limb <paramref name="index"/> (0..7) of <paramref name="word"/> extended by 0xFF bytes when <paramref name="signExtend"/> is one.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint ExtendedLimb(uint word, uint signExtend, int index) => index < 4 ? (word >> (8 * index)) & 0xff : signExtend * 0xFF;
}
