using System.Reflection;

namespace StarkGpu.Cli.Tests;

/// <summary>
/// Bad command lines end with exit code 2 and one line naming what was wrong, never a stack trace (a start on issue
/// 13's bad-input table: malformed values, unknown backends, shard sizes, too-tall traces, missing files).
/// </summary>
[NonParallelizable] // the CLI writes to the process's console
public sealed class BadInputTests
{
    private static readonly string Fibonacci = GuestElf("fibonacci");

    private static IEnumerable<TestCaseData> Cases()
    {
        yield return Case("unknown backend", "'gpu'", "trace", Fibonacci, "--backend", "gpu");
        yield return Case("shard size past int", "4294967296", "trace", Fibonacci, "--shard-cycles", "4294967296");
        yield return Case("negative cycle limit", "'-1'", "trace", Fibonacci, "--max-cycles", "-1");
        yield return Case("malformed number", "'lots'", "trace", Fibonacci, "--shard-cycles", "lots");
        yield return Case("shard of one cycle", "at least 1024", "trace", Fibonacci, "--shard-cycles", "1");
        yield return Case("trace taller than the limit", "--max-log-rows", "trace", Fibonacci, "--max-log-rows", "16");
        yield return Case("missing guest", "cannot read", "trace", "/nonexistent/guest.elf");
        yield return Case("unknown selftest backend", "'nope'", "selftest", "--backend", "nope");
        yield return Case("unknown command", "'frobnicate'", "frobnicate");
    }

    [TestCaseSource(nameof(Cases))]
    public void ExitsWithTwoAndOneLine(string expectedInMessage, string[] args)
    {
        var (code, output, error) = Run(args);
        Assert.That(code, Is.EqualTo(2), $"stdout: {output}\nstderr: {error}");
        var lines = error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines, Has.Length.EqualTo(1), error);
        Assert.That(lines[0], Does.Contain(expectedInMessage));
        Assert.That(error + output, Does.Not.Contain("   at "), "no stack trace");
    }

    private static TestCaseData Case(string name, string expected, params string[] args) =>
        new TestCaseData(expected, args).SetName($"{name}: stark-gpu {string.Join(' ', args)}");

    /// <summary>Runs the CLI's entry point in this process, capturing its console.</summary>
    private static (int Code, string Output, string Error) Run(string[] args)
    {
        var entry = Assembly.Load("stark-gpu").EntryPoint!;
        var (output, error) = (new StringWriter(), new StringWriter());
        var (oldOut, oldError) = (Console.Out, Console.Error);
        Console.SetOut(output);
        Console.SetError(error);
        try
        {
            var code = (int)entry.Invoke(null, [args])!;
            return (code, output.ToString(), error.ToString());
        }
        catch (TargetInvocationException e)
        {
            return (-1, output.ToString(), error + e.InnerException!.ToString());
        }
        finally
        {
            Console.SetOut(oldOut);
            Console.SetError(oldError);
        }
    }

    private static string GuestElf(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "StarkGpu.sln")))
            {
                return Path.Combine(dir.FullName, "tests", "programs", "build", name + ".elf");
            }
        }

        throw new DirectoryNotFoundException($"no StarkGpu.sln above {AppContext.BaseDirectory}");
    }
}
