using System.Runtime.CompilerServices;
using StarkGpu.Kernels.Counting;
using StarkGpu.Kernels.Traces;
using StarkGpu.Rv32im.Chips.Alu.Shared;
using StarkGpu.Rv32im.Chips.ByteLookup;
using StarkGpu.Rv32im.Chips.ProgramTable;
using StarkGpu.Rv32im.Events;
using static StarkGpu.Rv32im.Chips.Cpu.CpuColumns;

namespace StarkGpu.Rv32im.Chips.Cpu;

/// <summary>
/// The row of one <see cref="CpuEvent"/>, for the host trace and
/// the kernel alike: every one of the
/// <see cref="CpuColumns.Width"/> cells (zeros included), the row's byte lookups into table
/// <see cref="ByteLookupCounts.Table"/> and its pc into table <see cref="ProgramCounts.Table"/> (the Program chip's
/// multiplicities). An opcode of no instruction class (UNIMP, EBREAK, or no opcode at all) cannot be a row: the pc is
/// still counted (the Program chip counts what ran), nothing else is, and the writer returns false.
/// </summary>
public readonly struct CpuRows : IRowWriter<CpuEvent>
{
    public static int Width => CpuColumns.Width;

    // Inlined into the host driver's fully optimized tile loop, so the writer runs optimized from its first row.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Write<TRow, TCounters>(in CpuEvent e, long index, ref TRow row, ref TCounters counters)
        where TRow : struct, ITraceRow
        where TCounters : struct, ICounters<TCounters>
    {
        ProgramCounts.Add(ref counters, e.Pc);
        var flags = (uint)InstructionClass.Of(e.Opcode);
        if (flags == 0)
        {
            return false;
        }

        WriteInstruction(in e, flags, ref row);
        WriteRegisters(in e, ref row);
        var hasMemory = (flags & (uint)(InstructionFlags.Load | InstructionFlags.Store)) != 0;
        WriteMemory(in e, hasMemory, ref row);
        CpuControlRows.Write(in e, flags, ref row, ref counters);
        CpuMemoryAccessRows.Write(in e, hasMemory, ref row, ref counters);
        CountByteLookups(in e, flags, ref counters);
        return true;
    }

    /// <summary>Shard, clk, pcs, the instruction, its class selectors and the selectors derived from them.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void WriteInstruction<TRow>(in CpuEvent e, uint flags, ref TRow row)
        where TRow : struct, ITraceRow
    {
        row.SetCanonical(Shard, e.Shard);
        row.SetCanonical(Clk, e.Clk);
        row.SetCanonical(Pc, e.Pc);
        row.SetCanonical(NextPc, e.NextPc);
        row.SetByte(CpuColumns.Opcode, (uint)e.Opcode);
        row.SetByte(OpA, e.OpA);
        row.SetCanonical(OpB, e.OpB);
        row.SetCanonical(OpC, e.OpC);
        row.SetBool(ImmB, e.ImmB);
        row.SetBool(ImmC, e.ImmC);
        for (var k = 0; k < InstructionClass.Count; k++)
        {
            row.SetBool(IsAlu + k, ((flags >> k) & 1) != 0);
        }

        var isX0 = e.OpA == 0;
        row.SetBool(OpAIsX0, isX0);
        row.SetBool(AluSend, flags == (uint)InstructionFlags.Alu && !isX0);
        row.SetBool(WordLoadSetsA, flags == (uint)(InstructionFlags.Load | InstructionFlags.WordAccess) && !isX0);
    }

    /// <summary>
    /// The operand values and the previous accesses to the registers; a register access that did not happen (an
    /// immediate operand) is zero whatever its record holds.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void WriteRegisters<TRow>(in CpuEvent e, ref TRow row)
        where TRow : struct, ITraceRow
    {
        AluRows.SetWord(ref row, A, e.A);
        AluRows.SetWord(ref row, B, e.B);
        AluRows.SetWord(ref row, C, e.C);
        AluRows.SetWord(ref row, APrev, e.ARecord.PrevValue);
        row.SetCanonical(APrevShard, e.ARecord.PrevShard);
        row.SetCanonical(APrevTimestamp, e.ARecord.PrevTimestamp);
        row.SetCanonical(BPrevShard, e.ImmB ? 0u : e.BRecord.PrevShard);
        row.SetCanonical(BPrevTimestamp, e.ImmB ? 0u : e.BRecord.PrevTimestamp);
        row.SetCanonical(CPrevShard, e.ImmC ? 0u : e.CRecord.PrevShard);
        row.SetCanonical(CPrevTimestamp, e.ImmC ? 0u : e.CRecord.PrevTimestamp);
    }

    /// <summary>
    /// The data access of a load or store: the word, its address b + c with the byte carries, and addr0's split.
    /// Zero for every other class: only loads and stores own their memory record (an ECALL's may hold its syscall's
    /// accesses).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void WriteMemory<TRow>(in CpuEvent e, bool hasMemory, ref TRow row)
        where TRow : struct, ITraceRow
    {
        var address = hasMemory ? e.MemoryAddress : 0u;
        row.SetCanonical(MemAddr, address & ~3u);
        AluRows.SetWord(ref row, MemValue, hasMemory ? e.MemoryRecord.Value : 0u);
        AluRows.SetWord(ref row, MemPrev, hasMemory ? e.MemoryRecord.PrevValue : 0u);
        row.SetCanonical(MemPrevShard, hasMemory ? e.MemoryRecord.PrevShard : 0u);
        row.SetCanonical(MemPrevTimestamp, hasMemory ? e.MemoryRecord.PrevTimestamp : 0u);
        AluRows.SetWord(ref row, Addr, address);
        var carry = 0u;
        for (var i = 0; i < 4; i++)
        {
            carry = (((e.B >> (8 * i)) & 0xff) + ((e.C >> (8 * i)) & 0xff) + carry) >> 8;
            row.SetBool(AddrCarry + i, hasMemory && carry != 0);
        }

        row.SetByte(AddrQ, (address & 0xff) >> 2);
        row.SetBool(AddrBit0, (address & 1) != 0);
        row.SetBool(AddrBit1, (address & 2) != 0);
    }

    /// <summary>
    /// The row's lookups: Ltu (0 &lt; op_a), the zero test of op_a; U8Range on the limb pairs of a when the row writes
    /// it (every class but store and branch), of the stored word for a store, and for a load or store those of the
    /// address, of (addr0 &gt;&gt; 2, 0) and of c.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void CountByteLookups<TCounters>(in CpuEvent e, uint flags, ref TCounters counters)
        where TCounters : struct, ICounters<TCounters>
    {
        ByteLookupCounts.Add(ref counters, ByteOpcode.Ltu, 0, e.OpA);
        if ((flags & (uint)InstructionFlags.Store) != 0)
        {
            ByteLookupCounts.Word(ref counters, e.MemoryRecord.Value);
        }
        else if ((flags & (uint)InstructionFlags.Branch) == 0)
        {
            ByteLookupCounts.Word(ref counters, e.A);
        }

        if ((flags & (uint)(InstructionFlags.Load | InstructionFlags.Store)) != 0)
        {
            ByteLookupCounts.Word(ref counters, e.MemoryAddress);
            ByteLookupCounts.Range(ref counters, (e.MemoryAddress & 0xff) >> 2, 0);
            ByteLookupCounts.Word(ref counters, e.C);
        }
    }
}
