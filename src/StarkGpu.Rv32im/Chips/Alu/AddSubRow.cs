using System.Runtime.CompilerServices;
using StarkGpu.Kernels.Counting;
using StarkGpu.Kernels.Traces;
using StarkGpu.Rv32im.Chips.Alu.Shared;
using StarkGpu.Rv32im.Chips.ByteLookup;
using StarkGpu.Rv32im.Events;
using StarkGpu.Rv32im.Isa;
using static StarkGpu.Rv32im.Chips.Alu.AddSubColumns;

namespace StarkGpu.Rv32im.Chips.Alu;

/// <summary>
/// The row of one ADD or SUB event, for the host trace and the kernel alike: the limbs of a, b and c, the byte
/// carries of addend + c (ADD proves b + c = a, SUB proves a + c = b) and the opcode selectors; it counts the U8Range
/// checks of a, b and c.
/// </summary>
public readonly struct AddSubRow : IRowWriter<AluEvent>
{
    public static int Width => AddSubColumns.Width;

    // Inlined into the host driver's fully optimized tile loop, so the writer runs optimized from its first row.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Write<TRow, TCounters>(in AluEvent e, long index, ref TRow row, ref TCounters counters)
        where TRow : struct, ITraceRow
        where TCounters : struct, ICounters<TCounters>
    {
        var isSub = e.Opcode == Opcode.Sub;
        AluRows.SetWord(ref row, A, e.A);
        AluRows.SetWord(ref row, B, e.B);
        AluRows.SetWord(ref row, C, e.C);
        var addend = isSub ? e.A : e.B;
        var carry = 0u;
        for (var i = 0; i < 4; i++)
        {
            carry = (((addend >> (8 * i)) & 0xff) + ((e.C >> (8 * i)) & 0xff) + carry) >> 8;
            row.SetByte(Carry + i, carry);
        }

        row.SetBool(IsAdd, e.Opcode == Opcode.Add);
        row.SetBool(IsSub, isSub);
        ByteLookupCounts.Word(ref counters, e.A);
        ByteLookupCounts.Word(ref counters, e.B);
        ByteLookupCounts.Word(ref counters, e.C);
        return true;
    }
}
