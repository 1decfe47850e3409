using StarkGpu.Rv32im.Chips.ByteLookup;
using StarkGpu.Rv32im.Chips.Memory;
using StarkGpu.Rv32im.Chips.ProgramTable;
using StarkGpu.Rv32im.Execution;

namespace StarkGpu.Rv32im.Sharding;

/// <summary>
/// The shard size a trace-height limit allows, as a prover picks it: the most cycles whose every chip's trace fits
/// in 2^maxLogRows rows. Per shard, Cpu has one row per cycle, each ALU chip and Syscall at most one, MemoryLocal one
/// per address touched (at most one memory word per instruction plus the 32 registers; a Poseidon2 ECALL touches 16,
/// so a guest made of them may need a smaller shard, which the height check then names), ByteLookup its fixed
/// 2^16-row table. Program, MemoryInit, MemoryFinalize and MemoryProgram do not grow with the shard: their heights
/// follow from the program and the memory it touches, which no shard size changes.
/// </summary>
public static class ShardSizing
{
    /// <summary>The smallest height limit any shard fits: ByteLookup's table.</summary>
    public static readonly int MinLogRows = System.Numerics.BitOperations.Log2(ByteLookupTable.Rows);

    /// <summary>MemoryLocal rows a shard may need beyond one per cycle: the registers.</summary>
    public const int RegisterRows = 32;

    /// <summary>Whether a smaller shard makes <paramref name="chip"/>'s trace shorter (false for the program and memory-boundary chips and ByteLookup).</summary>
    public static bool ShrinksWithShard(string chip) =>
        chip is not (ProgramChip.ChipName or MemoryInitChip.ChipName or MemoryFinalizeChip.ChipName or MemoryProgramChip.ChipName or ByteLookupChip.ChipName);

    /// <summary>
    /// The most cycles per shard whose every cycle-bound chip fits in 2^<paramref name="maxLogRows"/> rows, at most
    /// <paramref name="cap"/> (shards larger than the default only make each proof larger).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxLogRows"/> is below <see cref="MinLogRows"/> or above 30.</exception>
    public static int MaxShardCycles(int maxLogRows, int cap = ExecutionOptions.DefaultShardSize)
    {
        if (maxLogRows < MinLogRows || maxLogRows > 30)
        {
            throw new ArgumentOutOfRangeException(
                nameof(maxLogRows), maxLogRows, $"the height limit must be in [{MinLogRows}, 30]: ByteLookup's table alone has 2^{MinLogRows} rows");
        }

        return (int)Math.Min(Math.Min(cap, ExecutionOptions.MaxShardSize), (1L << maxLogRows) - RegisterRows);
    }
}
