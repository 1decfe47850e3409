using StarkGpu.Rv32im.Elf;
using StarkGpu.Rv32im.Execution;
using StarkGpu.Rv32im.Tests.Support;

namespace StarkGpu.Rv32im.Tests.Machine;

/// <summary>A guest executed with event recording into at least four shards (when it has the cycles for them).</summary>
internal static class GuestRun
{
    public static (Program Program, ExecutionResult Result) Record(string name, int maxShardSize = 1 << 16)
    {
        var program = ElfLoader.LoadFile(RepoPaths.GuestElf(name));
        var hints = GuestPrograms.HintsOf(name);
        ulong cycles;
        using (var fast = Executor.Execute(program, new ExecutionOptions { Hints = hints }))
        {
            cycles = fast.Cycles;
        }

        // Small enough that the run spans several shards (the global buses then connect them), no smaller than
        // needed: every shard pays for a full 2^16-row ByteLookup table.
        var shardSize = (int)Math.Clamp(System.Numerics.BitOperations.RoundUpToPowerOf2(Math.Max(cycles / 4, 1)), 256, (ulong)maxShardSize);
        var result = Executor.Execute(program, new ExecutionOptions { Mode = ExecutionMode.Recording, ShardSize = shardSize, Hints = hints });
        return (program, result);
    }
}
