namespace StarkGpu.Cli.Tests;

/// <summary>
/// Bad input ends with exit code 2 and one line naming what was wrong, never a stack trace, and leaves no output file
/// behind: every command and option with missing, empty, huge, negative and malformed values, unreadable and
/// unwritable paths, a hint larger than the guest's memory, a trace taller than the limit, a guest over its cycle limit.
/// </summary>
[NonParallelizable] // the CLI writes to the process's console
public sealed class BadInputTests
{
    private static readonly string Fibonacci = GuestElf("fibonacci");

    /// <summary>A folder of this fixture's own: cases name files in it as {tmp}/...; none may exist after a case.</summary>
    private static readonly string Scratch = Path.Combine(Path.GetTempPath(), $"stark-gpu-bad-input-{Environment.ProcessId}");

    private static IEnumerable<TestCaseData> Cases()
    {
        // The command line itself.
        yield return Case("unknown command", "'frobnicate'", "frobnicate");
        yield return Case("no guest", "Required argument missing", "trace");
        yield return Case("unknown option", "--frobnicate", "trace", Fibonacci, "--frobnicate");
        yield return Case("devices with an argument", "'extra'", "devices", "extra");
        // Backends.
        yield return Case("unknown backend", "'gpu'", "trace", Fibonacci, "--backend", "gpu");
        yield return Case("empty backend", "Argument '' not recognized", "trace", Fibonacci, "--backend", "");
        yield return Case("unknown selftest backend", "'nope'", "selftest", "--backend", "nope");
        // Numbers: huge, negative, empty, malformed, out of range.
        yield return Case("shard size past int", "4294967296", "trace", Fibonacci, "--shard-cycles", "4294967296");
        yield return Case("negative shard size", "--shard-cycles must be at least 1024", "trace", Fibonacci, "--shard-cycles", "-5");
        yield return Case("shard larger than 2^22", "--shard-cycles must be at most 4,194,304", "trace", Fibonacci, "--shard-cycles", "4194305");
        yield return Case("zero shard size", "--shard-cycles must be at least 1024", "trace", Fibonacci, "--shard-cycles", "0");
        yield return Case("empty shard size", "--shard-cycles", "trace", Fibonacci, "--shard-cycles", "");
        yield return Case("malformed number", "'lots'", "trace", Fibonacci, "--shard-cycles", "lots");
        yield return Case("shard of one cycle", "at least 1024", "trace", Fibonacci, "--shard-cycles", "1");
        yield return Case("negative cycle limit", "'-1'", "trace", Fibonacci, "--max-cycles", "-1");
        yield return Case("cycle limit past ulong", "'99999999999999999999999'", "trace", Fibonacci, "--max-cycles", "99999999999999999999999");
        yield return Case("empty cycle limit", "--max-cycles", "run", Fibonacci, "--max-cycles", "");
        yield return Case("negative cycle limit to run", "'-1'", "run", Fibonacci, "--max-cycles", "-1");
        yield return Case("cycle limit reached", "cycle limit 10", "trace", Fibonacci, "--max-cycles", "10", "--json", "{tmp}/limit.json");
        yield return Case("height limit below ByteLookup", "--max-log-rows must be in [16, 30]", "trace", Fibonacci, "--max-log-rows", "15");
        yield return Case("negative height limit", "--max-log-rows must be in [16, 30]", "trace", Fibonacci, "--max-log-rows", "-1");
        yield return Case("huge height limit", "--max-log-rows must be in [16, 30]", "trace", Fibonacci, "--max-log-rows", "31");
        yield return Case("no shards in flight", "--shards-in-flight must be in [1, 64]", "trace", Fibonacci, "--shards-in-flight", "0");
        yield return Case("too many shards in flight", "--shards-in-flight must be in [1, 64]", "trace", Fibonacci, "--shards-in-flight", "100000");
        yield return Case("malformed shards in flight", "'two'", "trace", Fibonacci, "--shards-in-flight", "two");
        yield return Case(
            "trace taller than the limit", "give --max-log-rows 18 or --shard-cycles 65,504",
            "trace", Fibonacci, "--max-log-rows", "16", "--shard-cycles", "1048576", "--json", "{tmp}/tall.json");
        // Paths.
        yield return Case("missing guest", "cannot read", "trace", "/nonexistent/guest.elf");
        yield return Case("empty guest path", "cannot read", "trace", "");
        yield return Case("guest is a folder", "cannot read", "run", "/");
        yield return Case("guest is not an ELF", "{tmp}/not-an-elf", "trace", "{tmp}/not-an-elf");
        yield return Case("missing hint", "cannot read hint", "trace", Fibonacci, "--hint", "/nonexistent/hint.bin");
        yield return Case("hint is a folder", "cannot read hint", "run", Fibonacci, "--hint", "/");
        yield return Case("hint larger than guest memory", "more than the guest's memory", "trace", Fibonacci, "--hint", "{tmp}/huge-hint");
        yield return Case("report into a missing folder", "cannot write /nonexistent/out.json", "trace", Fibonacci, "--json", "/nonexistent/out.json");
        yield return Case("report onto a folder", "cannot write", "trace", Fibonacci, "--json", "{tmp}");
        yield return Case("run report into a missing folder", "cannot write", "run", Fibonacci, "--json", "/nonexistent/out.json");
    }

    [OneTimeSetUp]
    public void CreateScratchFiles()
    {
        Directory.CreateDirectory(Scratch);
        File.WriteAllText(Path.Combine(Scratch, "not-an-elf"), "#!/bin/sh\necho not a guest\n");
        // Sparse: 3 GB of length, no blocks on disk. Larger than 0x78000000 - 0x20 bytes of guest memory.
        using var huge = File.Create(Path.Combine(Scratch, "huge-hint"));
        huge.SetLength(3L << 30);
    }

    [OneTimeTearDown]
    public void DeleteScratchFiles() => Directory.Delete(Scratch, recursive: true);

    [TestCaseSource(nameof(Cases))]
    public void ExitsWithTwoAndOneLine(string expectedInMessage, string[] args)
    {
        var before = Directory.GetFileSystemEntries(Scratch).Order(StringComparer.Ordinal).ToArray();
        var (code, output, error) = Run([.. args.Select(Expand)]);
        Assert.That(code, Is.EqualTo(2), $"stdout: {output}\nstderr: {error}");
        var lines = error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines, Has.Length.EqualTo(1), error);
        Assert.That(lines[0], Does.Contain(Expand(expectedInMessage)));
        Assert.That(error + output, Does.Not.Contain("   at "), "no stack trace");
        Assert.That(Directory.GetFileSystemEntries(Scratch).Order(StringComparer.Ordinal), Is.EqualTo(before), "no output file, partial or temporary, left behind");
    }

    [Test]
    public void TheDefaultShardSizeFollowsTheHeightLimit()
    {
        // --max-log-rows 16 alone: shards of 2^16 - 32 cycles, so every shard-bound chip fits 2^16 rows.
        var json = Path.Combine(Scratch, "fits.json");
        var (code, output, error) = Run(["trace", GuestElf("sha256"), "--backend", "host", "--max-log-rows", "16", "--json", json]);
        try
        {
            Assert.That(code, Is.Zero, $"stdout: {output}\nstderr: {error}");
            Assert.That(File.ReadAllText(json), Does.Contain("\"shardCycles\": 65504"));
        }
        finally
        {
            File.Delete(json);
        }
    }

    private static string Expand(string text) => text.Replace("{tmp}", Scratch, StringComparison.Ordinal);

    private static TestCaseData Case(string name, string expected, params string[] args) =>
        new TestCaseData(expected, args).SetName($"{name}: stark-gpu {string.Join(' ', args)}");

    private static (int Code, string Output, string Error) Run(string[] args) => InProcessCli.Run(args);

    private static string GuestElf(string name) => RepoPaths.GuestElf(name);
}
