using System.Runtime.CompilerServices;
using StarkGpu.Fields;
using StarkGpu.Kernels.Counting;
using StarkGpu.Kernels.Traces;
using StarkGpu.Rv32im.Chips.Alu.Shared;
using StarkGpu.Rv32im.Chips.ByteLookup;
using StarkGpu.Rv32im.Events;
using StarkGpu.Rv32im.Isa;
using static StarkGpu.Rv32im.Chips.Alu.LtColumns;

namespace StarkGpu.Rv32im.Chips.Alu;

/// <summary>
/// The row of one SLT or SLTU event, for the host trace and the kernel alike. It compares b' and c' (the operands
/// with the sign bit flipped for SLT): the sign bits, the top bytes of b' and c', a one-hot flag at the most
/// significant differing byte with that byte pair and the inverse of its difference (zeros when b' = c'). It counts
/// the Ltu lookup on the compared bytes, for SLT the Msb lookups of b3 and c3, and the range checks of b and c.
/// </summary>
public readonly struct LtRow : IRowWriter<AluEvent>
{
    private const uint SignBit = 0x8000_0000;

    public static int Width => LtColumns.Width;

    // Inlined into the host driver's fully optimized tile loop, so the writer runs optimized from its first row.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Write<TRow, TCounters>(in AluEvent e, long index, ref TRow row, ref TCounters counters)
        where TRow : struct, ITraceRow
        where TCounters : struct, ICounters<TCounters>
    {
        var isSigned = e.Opcode == Opcode.Slt;
        var isUnsigned = e.Opcode == Opcode.Sltu;
        var flip = isSigned ? SignBit : 0u;
        var b = e.B ^ flip;
        var c = e.C ^ flip;

        // The most significant byte where b' and c' differ, or -1 when they are equal.
        var flagIndex = -1;
        var comparedB = 0u;
        var comparedC = 0u;
        for (var i = 3; i >= 0 && flagIndex < 0; i--)
        {
            var bi = (b >> (8 * i)) & 0xff;
            var ci = (c >> (8 * i)) & 0xff;
            if (bi != ci)
            {
                flagIndex = i;
                comparedB = bi;
                comparedC = ci;
            }
        }

        row.SetBool(Result, b < c);
        AluRows.SetWord(ref row, B, e.B);
        AluRows.SetWord(ref row, C, e.C);
        row.SetBool(IsSlt, isSigned);
        row.SetBool(IsSltu, isUnsigned);
        row.SetBool(MsbB, isSigned && (e.B >> 31) != 0);
        row.SetBool(MsbC, isSigned && (e.C >> 31) != 0);
        row.SetByte(BTop, b >> 24);
        row.SetByte(CTop, c >> 24);
        for (var i = 0; i < 4; i++)
        {
            row.SetBool(ByteFlags + i, flagIndex == i);
        }

        row.SetByte(ComparedB, comparedB);
        row.SetByte(ComparedC, comparedC);
        // Equal operands leave both compared bytes zero, and the inverse of zero is zero.
        row.SetField(DiffInverse, RowField.InverseOrZero(KoalaBear.FromCanonical(comparedB) - KoalaBear.FromCanonical(comparedC)));
        if (!(isSigned || isUnsigned))
        {
            return false;
        }

        ByteLookupCounts.Add(ref counters, ByteOpcode.Ltu, comparedB, comparedC);
        if (isSigned)
        {
            ByteLookupCounts.Add(ref counters, ByteOpcode.Msb, e.B >> 24, 0);
            ByteLookupCounts.Add(ref counters, ByteOpcode.Msb, e.C >> 24, 0);
        }

        ByteLookupCounts.Word(ref counters, e.B);
        ByteLookupCounts.Word(ref counters, e.C);
        return true;
    }
}
