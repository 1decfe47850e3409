using StarkGpu.Rv32im.Elf;
using StarkGpu.Rv32im.Execution;
using StarkGpu.Rv32im.Tests.Support;

namespace StarkGpu.Rv32im.Tests.Programs;

/// <summary>Every qemu-compatible guest: exit code, stdout and retired instructions agree with qemu-riscv32.</summary>
[Parallelizable(ParallelScope.None)]
public class QemuOracleTests
{
    private static IEnumerable<string> Names => GuestPrograms.QemuComparable;

    [TestCaseSource(nameof(Names))]
    public void AgreesWithQemu(string name)
    {
        string elf = RepoPaths.GuestElf(name);
        var qemu = QemuOracle.Run(elf);
        var program = ElfLoader.LoadFile(elf);
        using var fast = Executor.Execute(program);

        Assert.That(fast.StdoutText, Is.EqualTo(qemu.Stdout));
        Assert.That(fast.ExitCode, Is.EqualTo((uint)qemu.ExitCode));
        Assert.That((long)fast.Cycles, Is.EqualTo(qemu.Instructions), "retired instructions");
        TestContext.Out.WriteLine($"{name}: {fast.Cycles} instructions, exit {fast.ExitCode}");
    }

    [TestCaseSource(nameof(Names))]
    public void RecordingMatchesFastAndPassesTheEventChecks(string name)
    {
        var program = ElfLoader.LoadFile(RepoPaths.GuestElf(name));
        using var fast = Executor.Execute(program);
        const int shardSize = 1 << 16;
        using var recorded = Executor.Execute(program, new ExecutionOptions { Mode = ExecutionMode.Recording, ShardSize = shardSize });

        Assert.That(recorded.ExitCode, Is.EqualTo(fast.ExitCode));
        Assert.That(recorded.Cycles, Is.EqualTo(fast.Cycles));
        Assert.That(recorded.StdoutText, Is.EqualTo(fast.StdoutText));
        RecordChecker.Check(program, recorded, shardSize);
    }

    [Test]
    public void ProgramsSelfCheckTheirKnownAnswers()
    {
        foreach (var (name, text) in new[]
                 {
                     ("sha256", "abc digest ok"), ("keccak", "keccak ok"), ("sort", "sorted ok"),
                     ("bigmul", "square ok"), ("insn_test", "insn test ok"), ("memory", "primes below 65536: 6542"),
                 })
        {
            using var result = Executor.Execute(ElfLoader.LoadFile(RepoPaths.GuestElf(name)));
            Assert.That(result.StdoutText, Does.Contain(text), name);
        }
    }
}
