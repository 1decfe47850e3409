using System.Runtime.CompilerServices;
using StarkGpu.Kernels.Counting;
using StarkGpu.Kernels.Traces;
using StarkGpu.Rv32im.Chips.Alu.Shared;
using StarkGpu.Rv32im.Chips.ByteLookup;
using StarkGpu.Rv32im.Events;
using StarkGpu.Rv32im.Isa;
using static StarkGpu.Rv32im.Chips.Alu.ShiftLeftColumns;

namespace StarkGpu.Rv32im.Chips.Alu;

/// <summary>
/// The row of one SLL event, for the host trace and the kernel alike: the limbs of a, b and c, the shift amount,
/// the limbs and carries of b * 2^(c mod 8) byte by byte, and is_real. It counts the U8Range checks the chip sends
/// (<see cref="ShiftLeftChip.ByteRangeRuns"/>): a, b and c, then the shifted limbs and the carries, in pairs.
/// </summary>
public readonly struct ShiftLeftRow : IRowWriter<AluEvent>
{
    public static int Width => ShiftLeftColumns.Width;

    // Inlined into the host driver's fully optimized tile loop, so the writer runs optimized from its first row.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Write<TRow, TCounters>(in AluEvent e, long index, ref TRow row, ref TCounters counters)
        where TRow : struct, ITraceRow
        where TCounters : struct, ICounters<TCounters>
    {
        AluRows.SetWord(ref row, A, e.A);
        AluRows.SetWord(ref row, B, e.B);
        AluRows.SetWord(ref row, C, e.C);
        ShiftAmountRow.Set(ref row, e.C, right: false);
        row.SetBool(IsReal, true);
        var bits = (int)(e.C & 7);
        var carry = 0u;
        var shifted = 0u;
        var carries = 0u;
        for (var i = 0; i < 4; i++)
        {
            var product = (((e.B >> (8 * i)) & 0xff) << bits) + carry;
            carry = product >> 8;
            row.SetByte(BitShifted + i, product & 0xff);
            row.SetByte(BitShiftCarry + i, carry);

            // Gathered for their range checks, pairs (limb 0, limb 1) and (limb 2, limb 3) as for a word.
            shifted |= (product & 0xff) << (8 * i);
            carries |= carry << (8 * i);
        }

        if (e.Opcode != Opcode.Sll)
        {
            return false;
        }

        ByteLookupCounts.Word(ref counters, e.A);
        ByteLookupCounts.Word(ref counters, e.B);
        ByteLookupCounts.Word(ref counters, e.C);
        ByteLookupCounts.Word(ref counters, shifted);
        ByteLookupCounts.Word(ref counters, carries);
        return true;
    }
}
