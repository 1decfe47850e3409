using System.Diagnostics;
using StarkGpu.Rv32im.Elf;
using StarkGpu.Rv32im.Execution;
using StarkGpu.Rv32im.Tests.Support;

namespace StarkGpu.Rv32im.Tests.Execution;

/// <summary>
/// Executor throughput in MHz (retired instructions per second), both modes, over the CPU-bound guests.
/// Explicit: run it alone on a quiet machine, e.g.
/// <c>dotnet test tests/StarkGpu.Rv32im.Tests -c Release --filter Name=MeasureMegahertz --logger "console;verbosity=detailed"</c>.
/// </summary>
[Explicit("benchmark")]
public class ExecutorSpeed
{
    [Test]
    public void MeasureMegahertz()
    {
        var programs = new[] { "sha256", "keccak", "sort", "bigmul", "memory", "fibonacci" }
            .Select(name => ElfLoader.LoadFile(RepoPaths.GuestElf(name))).ToArray();
        foreach (var mode in new[] { ExecutionMode.Fast, ExecutionMode.Recording })
        {
            var options = new ExecutionOptions { Mode = mode };
            Measure(programs, options, TimeSpan.FromMilliseconds(500)); // warm-up: tiered JIT
            double mhz = Measure(programs, options, TimeSpan.FromSeconds(3));
            TestContext.Out.WriteLine($"{mode}: {mhz:F1} MHz");
        }
    }

    private static double Measure(Program[] programs, ExecutionOptions options, TimeSpan duration)
    {
        ulong cycles = 0;
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < duration)
        {
            foreach (var program in programs)
            {
                using var result = Executor.Execute(program, options);
                cycles += result.Cycles;
            }
        }

        return cycles / clock.Elapsed.TotalSeconds / 1e6;
    }
}
