using System.Runtime.CompilerServices;
using StarkGpu.Kernels.Counting;
using StarkGpu.Kernels.Traces;
using StarkGpu.Rv32im.Chips.Alu.Shared;
using StarkGpu.Rv32im.Events;
using static StarkGpu.Rv32im.Chips.Memory.MemoryLocalColumns;

namespace StarkGpu.Rv32im.Chips.Memory;

/// <summary>
/// The row of one touched address of a shard, for the host trace and the kernel alike: the address, the initial and
/// final states (shard and timestamp whole, the value as byte limbs) and is_real. It sends no byte lookups.
/// </summary>
/// <remarks>
/// Shards and timestamps go in whole (the executor keeps them far below p; SetCanonical reduces any uint, exactly
/// as the kernel's kb_from_canonical does).
/// </remarks>
public readonly struct MemoryLocalRow : IRowWriter<MemoryLocalEvent>
{
    public static int Width => MemoryLocalColumns.Width;

    // Inlined into the host driver's fully optimized tile loop, so the writer runs optimized from its first row.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Write<TRow, TCounters>(in MemoryLocalEvent e, long index, ref TRow row, ref TCounters counters)
        where TRow : struct, ITraceRow
        where TCounters : struct, ICounters<TCounters>
    {
        row.SetCanonical(Address, e.Address);
        row.SetCanonical(InitialShard, e.Initial.Shard);
        row.SetCanonical(InitialTimestamp, e.Initial.Timestamp);
        AluRows.SetWord(ref row, InitialValue, e.Initial.Value);
        row.SetCanonical(FinalShard, e.Final.Shard);
        row.SetCanonical(FinalTimestamp, e.Final.Timestamp);
        AluRows.SetWord(ref row, FinalValue, e.Final.Value);
        row.SetBool(IsReal, true);
        return true;
    }
}
