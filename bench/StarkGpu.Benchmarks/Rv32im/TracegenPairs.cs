using System.Diagnostics;
using StarkGpu.Device;
using StarkGpu.Engine.Scheduling;
using StarkGpu.Rv32im;
using StarkGpu.Rv32im.Elf;
using StarkGpu.Rv32im.Events;
using StarkGpu.Rv32im.Execution;
using GuestImage = StarkGpu.Rv32im.Elf.Program;

namespace StarkGpu.Benchmarks.Rv32im;

/// <summary>
/// <c>dotnet run -c Release --project bench/StarkGpu.Benchmarks -- tracegen-pairs [host|cpu] [pairs]</c>: the paired
/// measurement of <see cref="TracegenBenchmarks"/> without BenchmarkDotNet's harness: two warm-up passes over every
/// shard of <c>sha256_long</c>, then <c>pairs</c> times a memset of the trace bytes followed by all shards' main traces,
/// and the median ratio. A quick check of a change, beside the BenchmarkDotNet figures.
/// </summary>
internal static class TracegenPairs
{
    public static void Run(string backend, int pairs)
    {
        var program = ElfLoader.LoadFile(GuestElf.Path("sha256_long"));
        using var execution = Executor.Execute(program, new ExecutionOptions { Mode = ExecutionMode.Recording, ShardSize = 1 << 20 });
        using var accelerator = Accelerators.Cpu();
        using var semaphore = new ProverSemaphore();
        var options = new TraceGeneratorOptions { Backend = backend == "cpu" ? TraceBackend.Cpu : TraceBackend.Host, MaxLogRowCount = 22 };
        var generator = new TraceGenerator<ExecutionRecord, GuestImage>(Rv32imMachine.Create(program), accelerator, semaphore, options);

        long GenerateAll()
        {
            long bytes = 0;
            foreach (var shard in execution.Shards)
            {
                using var traces = generator.GenerateMainTracesAsync(shard).GetAwaiter().GetResult();
                bytes += traces.Reports.Sum(r => (long)r.Rows * r.Width * sizeof(uint));
            }

            return bytes;
        }

        var traceBytes = GenerateAll();
        GenerateAll();
        using var floor = accelerator.DefaultStream.Allocate<uint>(traceBytes / sizeof(uint));
        accelerator.DefaultStream.Fill32(floor, 1u);
        var ratios = new List<double>();
        for (var i = 0; i < pairs; i++)
        {
            var clock = Stopwatch.StartNew();
            accelerator.DefaultStream.Fill32(floor, 0x5au);
            var floorSeconds = clock.Elapsed.TotalSeconds;
            clock.Restart();
            GenerateAll();
            ratios.Add(clock.Elapsed.TotalSeconds / floorSeconds);
        }

        ratios.Sort();
        var median = ratios[ratios.Count / 2];
        Console.WriteLine($"sha256_long, {traceBytes:N0} bytes of main traces, {backend} backend on {accelerator.Name}");
        Console.WriteLine($"{backend} backend / memset floor, median of {pairs} pairs = {median:F2} ({1 / median:P0} of the floor); range {ratios[0]:F2}..{ratios[^1]:F2}");
    }
}
