using System.Runtime.CompilerServices;
using StarkGpu.Kernels.Counting;
using StarkGpu.Kernels.Traces;
using StarkGpu.Rv32im.Chips.Alu.Shared;
using StarkGpu.Rv32im.Chips.ByteLookup;
using StarkGpu.Rv32im.Events;
using StarkGpu.Rv32im.Isa;
using static StarkGpu.Rv32im.Chips.Alu.BitwiseColumns;

namespace StarkGpu.Rv32im.Chips.Alu;

/// <summary>
/// The row of one XOR, OR or AND event, for the host trace and the kernel alike: the limbs of a, b and c and the
/// opcode selectors; it counts one (op, b_i, c_i) lookup per limb, op the byte twin of the opcode. Any other opcode
/// cannot be a row.
/// </summary>
public readonly struct BitwiseRow : IRowWriter<AluEvent>
{
    public static int Width => BitwiseColumns.Width;

    // Inlined into the host driver's fully optimized tile loop, so the writer runs optimized from its first row.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Write<TRow, TCounters>(in AluEvent e, long index, ref TRow row, ref TCounters counters)
        where TRow : struct, ITraceRow
        where TCounters : struct, ICounters<TCounters>
    {
        var isXor = e.Opcode == Opcode.Xor;
        var isOr = e.Opcode == Opcode.Or;
        var isAnd = e.Opcode == Opcode.And;
        AluRows.SetWord(ref row, A, e.A);
        AluRows.SetWord(ref row, B, e.B);
        AluRows.SetWord(ref row, C, e.C);
        row.SetBool(IsXor, isXor);
        row.SetBool(IsOr, isOr);
        row.SetBool(IsAnd, isAnd);
        if (!(isXor || isOr || isAnd))
        {
            return false;
        }

        var op = isXor ? ByteOpcode.Xor : isOr ? ByteOpcode.Or : ByteOpcode.And;
        for (var i = 0; i < 4; i++)
        {
            ByteLookupCounts.Add(ref counters, op, (e.B >> (8 * i)) & 0xff, (e.C >> (8 * i)) & 0xff);
        }

        return true;
    }
}
