using StarkGpu.Rv32im.Chips.Alu;
using StarkGpu.Rv32im.Chips.Alu.Shared;
using StarkGpu.Rv32im.Chips.ByteLookup;
using StarkGpu.Rv32im.Elf;
using StarkGpu.Rv32im.Execution;
using StarkGpu.Rv32im.Tests.Chips.Support;

namespace StarkGpu.Rv32im.Tests.Chips;

/// <summary>
/// The ALU chips and ByteLookup on the records of a real guest (tests/programs, built by build.sh; ignored when
/// not built): host and device traces equal, and the machine of them satisfied.
/// </summary>
public sealed class ByteLookupRealProgramTests
{
    [TestCase("fibonacci.elf")]
    [TestCase("sort.elf")]
    public void AluChipsAndByteLookupHoldOnARealProgram(string elf)
    {
        var path = FindProgram(elf);
        if (path is null)
        {
            Assert.Ignore($"{elf} is not built (tests/programs/build.sh)");
        }

        using var result = Executor.Execute(ElfLoader.LoadFile(path), new ExecutionOptions { Mode = ExecutionMode.Recording });
        AluChip[] chips = [new AddSubChip(), new BitwiseChip(), new LtChip()];
        var byteLookup = new ByteLookupChip(chips);
        var machine = ChipHarness.Machine(chips);
        foreach (var record in result.Shards)
        {
            foreach (var chip in chips.Where(c => c.Included(record)))
            {
                ChipHarness.AssertHostEqualsDevice(chip, record, row => chip.DescribeRow(record, row));
            }

            ChipHarness.AssertHostEqualsDevice(byteLookup, record);
            var report = ChipHarness.Check(machine, record);
            Assert.That(report.IsSatisfied, Is.True, report.ToString);
        }

        Assert.That(result.Shards.Sum(s => s.AddSub.Count), Is.Positive);
    }

    private static string? FindProgram(string name)
    {
        for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "programs", "build", name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
