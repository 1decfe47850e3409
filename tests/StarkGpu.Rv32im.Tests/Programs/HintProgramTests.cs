using StarkGpu.Rv32im.Elf;
using StarkGpu.Rv32im.Execution;
using StarkGpu.Rv32im.Tests.Support;

namespace StarkGpu.Rv32im.Tests.Programs;

/// <summary>The SP1-only guest: hints, COMMIT, public values and an unconstrained block (no qemu oracle).</summary>
public class HintProgramTests
{
    private static readonly IReadOnlyList<byte[]> Hints = GuestPrograms.HintsOf("hints");
    private const uint Sum = 1 + 2 + 3 + 100 + 200 + 300 + 400 + 5;

    [TestCase(ExecutionMode.Fast)]
    [TestCase(ExecutionMode.Recording)]
    public void ReadsHintsCommitsAndUsesItsUnconstrainedResult(ExecutionMode mode)
    {
        var program = ElfLoader.LoadFile(RepoPaths.GuestElf("hints"));
        using var result = Executor.Execute(program, new ExecutionOptions { Mode = mode, Hints = Hints, ShardSize = 256 });

        Assert.That(result.StdoutText, Is.EqualTo($"hint sum {Sum} ok\n"));
        Assert.That(result.ExitCode, Is.Zero);
        Assert.That(result.CommittedValueDigest[0], Is.EqualTo(Sum));
        Assert.That(result.CommittedValueDigest[1], Is.EqualTo(Sum * 3));
        Assert.That(result.CommittedValueDigest[7], Is.EqualTo(0x12345678u));
        Assert.That(result.PublicValuesStream, Is.EqualTo(GuestPrograms.Words(Sum)));
        if (mode == ExecutionMode.Recording)
        {
            RecordChecker.Check(program, result, 256);
            // SP1's rule: a shard carries the digest as it stood when the shard closed (a streamed shard is gone
            // before the run ends): zero before the guest's COMMIT, its word after it, the final words in the last shard.
            var word0 = result.Shards.Select(s => s.PublicValues.CommittedValueDigest[0]).ToArray();
            Assert.That(word0.SkipWhile(w => w == 0), Is.All.EqualTo(Sum), "zero, then the committed word");
            Assert.That(result.Shards[^1].PublicValues.CommittedValueDigest[7], Is.EqualTo(0x12345678u), "the last shard carries the final digest");
            Assert.That(result.Shards[^1].PublicValues.ExitCode, Is.Zero);
            var syscalls = result.Shards.SelectMany(s => s.Syscalls.ToArray()).Select(s => s.SyscallId).ToArray();
            Assert.That(syscalls, Does.Contain(SyscallCode.EnterUnconstrained).And.Contain(SyscallCode.HintRead));
            Assert.That(syscalls, Does.Not.Contain(SyscallCode.ExitUnconstrained), "the unconstrained block records nothing");
        }
    }

    [Test]
    public void UnconstrainedCyclesAreNotRetired()
    {
        var program = ElfLoader.LoadFile(RepoPaths.GuestElf("hints"));
        using var fast = Executor.Execute(program, new ExecutionOptions { Hints = Hints });
        using var recorded = Executor.Execute(program, new ExecutionOptions { Mode = ExecutionMode.Recording, Hints = Hints });
        Assert.That(recorded.Shards.Sum(s => s.Cycles), Is.EqualTo((int)fast.Cycles));
    }

    [Test]
    public void MissingHintFailsNamingTheSyscall()
    {
        var program = ElfLoader.LoadFile(RepoPaths.GuestElf("hints"));
        var error = Assert.Throws<ExecutionException>(() => Executor.Execute(program, new ExecutionOptions { Hints = [Hints[0]] }));
        Assert.That(error!.Kind, Is.EqualTo(ExecutionErrorKind.InvalidSyscallArgument));
        Assert.That(error.Message, Does.Contain("HINT_LEN: no hint left").And.Contain("ecall"));
    }
}
