namespace StarkGpu.Benchmarks.Rv32im;

/// <summary>Finds the guests that <c>tests/programs/build.sh</c> builds, from wherever BenchmarkDotNet runs the benchmark.</summary>
internal static class GuestElf
{
    public static string Path(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "StarkGpu.sln")))
            {
                var elf = System.IO.Path.Combine(dir.FullName, "tests", "programs", "build", name + ".elf");
                return File.Exists(elf) ? elf : throw new FileNotFoundException($"{elf} is missing: run tests/programs/build.sh first", elf);
            }
        }

        throw new DirectoryNotFoundException($"no StarkGpu.sln above {AppContext.BaseDirectory}");
    }
}
