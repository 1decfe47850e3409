using System.Runtime.CompilerServices;
using StarkGpu.Fields;
using StarkGpu.Kernels.Counting;
using StarkGpu.Kernels.Traces;
using StarkGpu.Rv32im.Chips.Alu.Shared;
using StarkGpu.Rv32im.Chips.ByteLookup;
using StarkGpu.Rv32im.Elf;
using StarkGpu.Rv32im.Events;
using StarkGpu.Rv32im.Isa;
using static StarkGpu.Rv32im.Chips.Cpu.CpuControlColumns;

namespace StarkGpu.Rv32im.Chips.Cpu;

/// <summary>
/// The <see cref="CpuControlColumns"/> cells of one <see cref="CpuEvent"/> (part of <see cref="CpuRows"/>, so the
/// same code on the host and in kernels): every cell is written, zeros off the rows that use it, and the row's
/// lookups of <see cref="CpuControlFlow"/> are counted. A branch's target is its recorded next pc (pc + c when
/// taken, pc + 4 when not), so the cells follow the record; the comparison follows the operands.
/// </summary>
internal static class CpuControlRows
{
    private const uint LimitTopByte = AddressSpace.Limit >> 24;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Write<TRow, TCounters>(in CpuEvent e, uint flags, ref TRow row, ref TCounters counters)
        where TRow : struct, ITraceRow
        where TCounters : struct, ICounters<TCounters>
    {
        var isBranch = (flags & (uint)InstructionFlags.Branch) != 0;
        var isJal = (flags & (uint)InstructionFlags.Jal) != 0;
        var isJalr = (flags & (uint)InstructionFlags.Jalr) != 0;
        var usesPc = isBranch || isJal || isJalr || (flags & (uint)InstructionFlags.Auipc) != 0;
        var hasTarget = isBranch || isJal || isJalr;
        var target = isJalr ? e.B + e.C : hasTarget ? e.NextPc : 0u;
        AluRows.SetWord(ref row, PcLimbs, usesPc ? e.Pc : 0u);
        AluRows.SetWord(ref row, Target, target);
        row.SetByte(JalrHalf, isJalr ? (target & 0xff) >> 1 : 0u);
        row.SetBool(JalrBit, isJalr && (target & 1) != 0);
        if (usesPc)
        {
            ByteLookupCounts.Add(ref counters, ByteOpcode.Ltu, e.Pc >> 24, LimitTopByte);
        }

        if (hasTarget)
        {
            ByteLookupCounts.Add(ref counters, ByteOpcode.Ltu, target >> 24, LimitTopByte);
        }

        if (isJalr)
        {
            ByteLookupCounts.Range(ref counters, (target & 0xff) >> 1, 0);
        }

        WriteBranch(in e, isBranch, ref row);
    }

    /// <summary>eq, negate, cmp, the inequality's inverse and taken (see <see cref="CpuControlFlow"/>); zeros off branches.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void WriteBranch<TRow>(in CpuEvent e, bool isBranch, ref TRow row)
        where TRow : struct, ITraceRow
    {
        // BEQ, BNE, BLT, BGE, BLTU, BGEU are consecutive: bit 0 of the index negates, index / 2 is the comparison.
        var index = isBranch ? (uint)e.Opcode - (uint)Opcode.Beq : 0u;
        var eq = isBranch && index < 2;
        var negate = isBranch && (index & 1) != 0;
        var cmp = isBranch && (eq ? e.A == e.B : index < 4 ? (int)e.A < (int)e.B : e.A < e.B);
        row.SetBool(BranchEq, eq);
        row.SetBool(BranchNegate, negate);
        row.SetBool(BranchCmp, cmp);
        var squares = 0u;
        for (var i = 0; i < 4; i++)
        {
            var difference = (int)((e.A >> (8 * i)) & 0xff) - (int)((e.B >> (8 * i)) & 0xff);
            squares += (uint)(difference * difference);
        }

        // Below 4 * 255^2, so canonical; a != b only matters (and is only written) on BEQ/BNE.
        row.SetField(BranchNeInverse, eq && !cmp ? RowField.InverseOrZero(KoalaBear.FromCanonical(squares)) : KoalaBear.Zero);
        row.SetBool(BranchTaken, cmp != negate);
    }
}
