using System.Diagnostics;

namespace StarkGpu.Rv32im.Tests.Support;

/// <summary>
/// Locates the repository and the guest programs. The programs are built by tests/programs/build.sh, which this
/// class runs once per test run (it is idempotent and quick), so tests never depend on a stale or missing build.
/// </summary>
internal static class RepoPaths
{
    private static readonly Lazy<string> BuiltPrograms = new(BuildPrograms);

    public static string Root { get; } = FindRoot();

    public static string ProgramsDir => Path.Combine(Root, "tests", "programs");

    /// <summary>The path of tests/programs/build/<paramref name="name"/>.elf, building the programs first if needed.</summary>
    public static string GuestElf(string name)
    {
        string path = Path.Combine(BuiltPrograms.Value, name + ".elf");
        if (!File.Exists(path))
        {
            Assert.Fail($"{path} is missing: run tests/programs/build.sh (needs gcc-riscv64-unknown-elf, picolibc-riscv64-unknown-elf)");
        }

        return path;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "StarkGpu.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"no StarkGpu.sln above {AppContext.BaseDirectory}");
    }

    private static string BuildPrograms()
    {
        var start = new ProcessStartInfo("bash", [Path.Combine(ProgramsDir, "build.sh")])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        string stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            Assert.Fail($"tests/programs/build.sh failed ({process.ExitCode}):\n{stdout.Result}\n{stderr}");
        }

        return Path.Combine(ProgramsDir, "build");
    }
}
