namespace StarkGpu.Cli.Tests;

/// <summary>The guest programs of tests/programs/build (tests/run.sh builds them before the tests).</summary>
internal static class RepoPaths
{
    public static string GuestElf(string name)
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
