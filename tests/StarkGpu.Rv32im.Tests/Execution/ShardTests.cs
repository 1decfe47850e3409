using StarkGpu.Rv32im.Elf;
using StarkGpu.Rv32im.Execution;
using StarkGpu.Rv32im.Tests.Support;

namespace StarkGpu.Rv32im.Tests.Execution;

public class ShardTests
{
    [TestCase(1024)]
    [TestCase(1000)]
    public void ProgramSpanningManyShardsKeepsEveryEventContract(int shardSize)
    {
        var program = ElfLoader.LoadFile(RepoPaths.GuestElf("sort"));
        using var fast = Executor.Execute(program, new ExecutionOptions { ShardSize = shardSize });
        using var result = Executor.Execute(program, new ExecutionOptions { Mode = ExecutionMode.Recording, ShardSize = shardSize });

        Assert.That(result.ShardCount, Is.EqualTo((int)((result.Cycles + (ulong)shardSize - 1) / (ulong)shardSize)));
        Assert.That(result.ShardCount, Is.GreaterThan(100));
        Assert.That(fast.ShardCount, Is.EqualTo(result.ShardCount));
        RecordChecker.Check(program, result, shardSize);
        Assert.That(result.Shards[^1].MemoryFinalize.Count, Is.GreaterThan(0));
        Assert.That(result.Shards[0].MemoryFinalize.Count, Is.Zero, "global memory events only in the last shard");
    }

    [TestCase(1)]
    [TestCase(2)]
    [TestCase(7)]
    public void TinyShardsOnAHandWrittenLoop(int shardSize)
    {
        // x1 = 10; do { x2 += x1; sw x2, 0(data); x1 -= 1 } while (x1 != 0); halt(x2 & 0xff)
        uint[] code =
        [
            Asm.Lui(6, TestElf.DataBase >> 12), Asm.Addi(1, 0, 10),
            Asm.Add(2, 2, 1), Asm.Sw(2, 6, 0), Asm.Addi(1, 1, -1), Asm.Beq(1, 0, 8), Asm.Jal(0, -16),
            Asm.Lw(10, 6, 0), Asm.Addi(5, 0, 0), Asm.Ecall,
        ];
        var program = ElfLoader.Load(TestElf.FromCode(code, [], 64));
        using var result = Executor.Execute(program, new ExecutionOptions { Mode = ExecutionMode.Recording, ShardSize = shardSize });
        Assert.That(result.ExitCode, Is.EqualTo(55));
        RecordChecker.Check(program, result, shardSize);
    }
}
