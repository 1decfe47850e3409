using System.Buffers.Binary;
using StarkGpu.Engine.Checking;
using StarkGpu.Rv32im.Chips.ProgramTable;
using StarkGpu.Rv32im.Elf;
using StarkGpu.Rv32im.Execution;
using StarkGpu.Rv32im.Tests.Chips.Support;
using StarkGpu.Rv32im.Tests.Support;

namespace StarkGpu.Rv32im.Tests.Chips;

/// <summary>
/// The Program and Syscall chips on every shard of real guests (tests/programs), against test-only senders built
/// from the Cpu events: the program and syscall buses balance in each shard and the multiplicities add up to the
/// shard's cycles.
/// </summary>
public sealed class ProgramAndSyscallRealProgramTests
{
    // The inputs hints.elf reads (as in HintProgramTests).
    private static readonly byte[][] Hints = [Words(1, 2, 3), Words(100, 200, 300, 400, 5)];

    // insn_test and hints fit one shard of 2^12 cycles: small shards also split their syscalls across shards.
    [TestCase("fibonacci", 1 << 12)]
    [TestCase("sha256", 1 << 12)]
    [TestCase("insn_test", 1 << 12)]
    [TestCase("insn_test", 1 << 6)]
    [TestCase("hints", 1 << 12)]
    [TestCase("hints", 1 << 5)]
    public void BusesBalanceOnEveryShard(string guest, int shardSize)
    {
        var program = ElfLoader.LoadFile(RepoPaths.GuestElf(guest));
        using var result = Executor.Execute(program, new ExecutionOptions { Mode = ExecutionMode.Recording, ShardSize = shardSize, Hints = Hints });
        var machine = ProgramSyscallHarness.Machine(program);

        var report = ConstraintChecker.CheckRecords(machine, program, result.Shards);
        Assert.That(report.IsSatisfied, Is.True, report.ToString);

        var chip = (ProgramChip)machine.ByName(ProgramChip.ChipName);
        foreach (var record in result.Shards)
        {
            var trace = chip.GenerateHostMainTrace(record);
            var executions = Enumerable.Range(0, trace.Height).Sum(r => (long)trace[r, ProgramColumns.Multiplicity].Canonical);
            Assert.That(executions, Is.EqualTo(record.Cpu.Count), $"shard {record.Shard}: every cycle counted once");
        }

        var syscalls = result.Shards.Sum(s => s.Syscalls.Count);
        TestContext.Out.WriteLine($"{guest}: {result.Shards.Count} shard(s), {result.Cycles} cycles, {syscalls} syscall(s)");
        Assert.That(syscalls, Is.Positive, "the guest makes syscalls");
        if (result.Cycles > (ulong)shardSize)
        {
            Assert.That(result.Shards, Has.Count.GreaterThan(1), "several shards");
        }
    }

    private static byte[] Words(params uint[] words)
    {
        var bytes = new byte[4 * words.Length];
        for (var i = 0; i < words.Length; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(4 * i), words[i]);
        }

        return bytes;
    }
}
