using System.Runtime.CompilerServices;
using StarkGpu.Fields;
using StarkGpu.Kernels.Counting;
using StarkGpu.Kernels.Field;
using StarkGpu.Kernels.Traces;
using StarkGpu.Rv32im.Chips.ByteLookup;
using StarkGpu.Rv32im.Events;
using StarkGpu.Rv32im.Isa;
using static StarkGpu.Rv32im.Chips.Cpu.CpuMemoryAccessColumns;

namespace StarkGpu.Rv32im.Chips.Cpu;

/// <summary>The cells and lookups of <see cref="CpuMemoryAccessColumns"/> for one row, part of <see cref="CpuRows"/>.</summary>
internal static class CpuMemoryAccessRows
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Write<TRow, TCounters>(in CpuEvent e, bool hasMemory, ref TRow row, ref TCounters counters)
        where TRow : struct, ITraceRow
        where TCounters : struct, ICounters<TCounters>
    {
        var memory = OrderDiff(in e, hasMemory, e.MemoryRecord, MemoryAccessPosition.Memory, 0, ref row);
        var c = OrderDiff(in e, !e.ImmC, e.CRecord, MemoryAccessPosition.C, 1, ref row);
        var b = OrderDiff(in e, !e.ImmB, e.BRecord, MemoryAccessPosition.B, 2, ref row);
        var a = OrderDiff(in e, happens: true, e.ARecord, MemoryAccessPosition.A, 3, ref row);
        ByteLookupCounts.Range(ref counters, memory & 0xff, (memory >> 8) & 0xff);
        ByteLookupCounts.Range(ref counters, c & 0xff, (c >> 8) & 0xff);
        ByteLookupCounts.Range(ref counters, b & 0xff, (b >> 8) & 0xff);
        ByteLookupCounts.Range(ref counters, a & 0xff, (a >> 8) & 0xff);
        ByteLookupCounts.Range(ref counters, (memory >> 16) & 0xff, (c >> 16) & 0xff);
        ByteLookupCounts.Range(ref counters, (b >> 16) & 0xff, (a >> 16) & 0xff);

        var address = hasMemory ? e.MemoryAddress : 0u;
        var high = ((address >> 8) & 0xff) + ((address >> 16) & 0xff) + (address >> 24);
        row.SetBool(AddrHighZero, hasMemory && high == 0);
        // Fermat's inverse without the zero check (kernels cannot throw); high is at most 765, never a multiple of p.
        row.SetField(AddrHighInverse, high == 0 ? KoalaBear.Zero : FieldKernels.PowOf(KoalaBear.FromCanonical(high), KoalaBear.Modulus - 2UL));
        if (hasMemory)
        {
            ByteLookupCounts.Add(ref counters, ByteOpcode.Ltu, address >> 24, CpuMemoryAccess.TopByteLimit);
            if (high == 0)
            {
                ByteLookupCounts.Add(ref counters, ByteOpcode.Ltu, CpuMemoryAccess.LowByteFloor, address & 0xff);
            }

        }

        WriteSubWord(in e, hasMemory, address & 3, ref row, ref counters);
    }

    /// <summary>
    /// The selectors, offset one-hot, moved bytes and sign bit of <see cref="CpuSubWordAccess"/>: every cell, zeros
    /// included (the host's tiles are not zeroed), and the sign's Msb lookup.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void WriteSubWord<TRow, TCounters>(in CpuEvent e, bool hasMemory, uint offset, ref TRow row, ref TCounters counters)
        where TRow : struct, ITraceRow
        where TCounters : struct, ICounters<TCounters>
    {
        for (var i = 0u; i < 4; i++)
        {
            row.SetBool(OffsetIs + (int)i, hasMemory && i == offset);
        }

        var selector = !hasMemory ? -1 : e.Opcode switch
        {
            Opcode.Lb => 0,
            Opcode.Lbu => 1,
            Opcode.Lh => 2,
            Opcode.Lhu => 3,
            Opcode.Sb => 4,
            Opcode.Sh => 5,
            _ => -1, // LW, SW
        };
        for (var k = 0; k < SubWordOpcodeCount; k++)
        {
            row.SetBool(SubWordSelectors + k, k == selector);
        }

        var isStore = selector >= 4;
        var isHalf = selector is 2 or 3 or 5;
        var source = selector < 0 ? 0u : isStore ? e.A : e.MemoryRecord.Value >> (int)(8 * offset);
        var value0 = source & 0xff;
        var value1 = isHalf ? (source >> 8) & 0xff : 0u;
        row.SetByte(SubWordValue, value0);
        row.SetByte(SubWordValue + 1, value1);
        var isSigned = selector is 0 or 2;
        var signed = selector == 0 ? value0 : value1;
        row.SetBool(SignBit, isSigned && (signed >> 7) != 0);
        if (isSigned)
        {
            ByteLookupCounts.Add(ref counters, ByteOpcode.Msb, signed, 0);
        }
    }

    /// <summary>
    /// Writes access <paramref name="access"/>'s same_shard and difference bytes; returns the difference (0 when it
    /// does not happen). The executor's differences are below 2^24; a forged record's are cut to their three bytes
    /// (cells and lookups alike), which the order constraint then rejects.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint OrderDiff<TRow>(in CpuEvent e, bool happens, in MemoryAccessRecord record, uint position, int access, ref TRow row)
        where TRow : struct, ITraceRow
    {
        var column = Order + (PerAccess * access);
        var sameShard = happens && record.PrevShard == e.Shard;
        var diff = !happens ? 0u : sameShard ? e.Clk + position - record.PrevTimestamp - 1 : e.Shard - record.PrevShard - 1;
        row.SetBool(column, sameShard);
        row.SetByte(column + 1, diff & 0xff);
        row.SetByte(column + 2, (diff >> 8) & 0xff);
        row.SetByte(column + 3, (diff >> 16) & 0xff);
        return diff;
    }
}
