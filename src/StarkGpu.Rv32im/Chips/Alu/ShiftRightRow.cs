using System.Runtime.CompilerServices;
using StarkGpu.Kernels.Counting;
using StarkGpu.Kernels.Traces;
using StarkGpu.Rv32im.Chips.Alu.Shared;
using StarkGpu.Rv32im.Chips.ByteLookup;
using StarkGpu.Rv32im.Events;
using StarkGpu.Rv32im.Isa;
using static StarkGpu.Rv32im.Chips.Alu.ShiftRightColumns;

namespace StarkGpu.Rv32im.Chips.Alu;

/// <summary>
/// The row of one SRL or SRA event, for the host trace and the kernel alike: the limbs of a, b and c, the shift
/// amount, b's sign bit and sign byte, the limbs of the sign-extended b shifted by whole bytes, and the
/// multiplication of those five limbs by 2^(8 - n) (the shifted-out byte and the carries). It counts the U8Range
/// checks of <see cref="ShiftRightChip.ByteRangeRuns"/> (a, b and c; then shifted-out and carries, in pairs) and the
/// Msb lookup of b[3].
/// </summary>
public readonly struct ShiftRightRow : IRowWriter<AluEvent>
{
    public static int Width => ShiftRightColumns.Width;

    // Inlined into the host driver's fully optimized tile loop, so the writer runs optimized from its first row.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Write<TRow, TCounters>(in AluEvent e, long index, ref TRow row, ref TCounters counters)
        where TRow : struct, ITraceRow
        where TCounters : struct, ICounters<TCounters>
    {
        var isSra = e.Opcode == Opcode.Sra;
        var isSrl = e.Opcode == Opcode.Srl;
        var bytes = (int)((e.C >> 3) & 3);
        var msb = e.B >> 31;
        var sign = isSra && msb == 1 ? 0xFFu : 0u;

        AluRows.SetWord(ref row, A, e.A);
        AluRows.SetWord(ref row, B, e.B);
        AluRows.SetWord(ref row, C, e.C);
        var multiplier = ShiftAmountRow.Set(ref row, e.C, right: true);
        row.SetBool(BMsb, msb == 1);
        row.SetByte(SignByte, sign);

        // Limb i of the shifted word is byte i + bytes of b extended by sign bytes; limb 4 is always the sign byte.
        // The cells shifted-out, carry 0 .. carry 4 are range-checked in pairs (shifted-out, carry 0), (1, 2), (3, 4).
        var valid = isSrl || isSra;
        var carry = 0u;
        var previous = 0u;
        for (var i = 0; i < 5; i++)
        {
            var source = i + bytes;
            var limb = source < 4 ? (e.B >> (8 * source)) & 0xff : sign;
            if (i < 4)
            {
                row.SetByte(ByteShifted + i, limb);
            }

            var product = (limb * multiplier) + carry;
            carry = product >> 8;
            row.SetByte(Carry + i, carry);
            if (i == 0)
            {
                row.SetByte(ShiftedOut, product & 0xff);
                previous = product & 0xff;
            }

            if (valid && i % 2 == 0)
            {
                ByteLookupCounts.Range(ref counters, previous, carry);
            }

            previous = carry;
        }

        row.SetBool(IsSrl, isSrl);
        row.SetBool(IsSra, isSra);
        if (!valid)
        {
            return false;
        }

        ByteLookupCounts.Word(ref counters, e.A);
        ByteLookupCounts.Word(ref counters, e.B);
        ByteLookupCounts.Word(ref counters, e.C);
        ByteLookupCounts.Add(ref counters, ByteOpcode.Msb, e.B >> 24, 0);
        return true;
    }
}
