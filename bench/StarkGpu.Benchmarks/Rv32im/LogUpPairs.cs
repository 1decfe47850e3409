using System.Diagnostics;
using StarkGpu.Device;
using StarkGpu.Engine.Chips;
using StarkGpu.Engine.Checking;
using StarkGpu.Engine.LogUp;
using StarkGpu.Engine.Scheduling;
using StarkGpu.Rv32im;
using StarkGpu.Rv32im.Elf;
using StarkGpu.Rv32im.Events;
using StarkGpu.Rv32im.Execution;
using GuestImage = StarkGpu.Rv32im.Elf.Program;

namespace StarkGpu.Benchmarks.Rv32im;

/// <summary>
/// <c>dotnet run -c Release --project bench/StarkGpu.Benchmarks -- logup [host|cpu]</c>: LogUp aux generation for
/// every shard of <c>sha256_long</c> (the host reference <see cref="HostAuxTraces"/>, or the kernels on the cpu
/// backend through <c>GenerateAuxTracesAsync</c>), after one warm-up shard, beside the same run's main-trace
/// generation and a memset of the aux bytes. One pass: a first figure, not a harnessed benchmark.
/// </summary>
internal static class LogUpPairs
{
    public static void Run(string backend)
    {
        var program = ElfLoader.LoadFile(GuestElf.Path("sha256_long"));
        using var execution = Executor.Execute(program, new ExecutionOptions { Mode = ExecutionMode.Recording, ShardSize = 1 << 20 });
        using var accelerator = Accelerators.Cpu();
        using var semaphore = new ProverSemaphore(2);
        var onDevice = backend == "cpu";
        var options = new TraceGeneratorOptions { Backend = onDevice ? TraceBackend.Cpu : TraceBackend.Host, MaxLogRowCount = 22 };
        var machine = Rv32imMachine.Create(program);
        var generator = new TraceGenerator<ExecutionRecord, GuestImage>(machine, accelerator, semaphore, options);
        var hostPreprocessed = machine.Chips.Where(c => c.PreprocessedWidth > 0)
            .ToDictionary(c => c.Name, c => c.GenerateHostPreprocessedTrace(program), StringComparer.Ordinal);
        using var preprocessed = generator.GeneratePreprocessedTracesAsync(program).GetAwaiter().GetResult();
        var challenges = LogUpChallenges.Random(new Random(1));

        (double Main, double Aux, long Bytes) Shard(ExecutionRecord record)
        {
            var clock = Stopwatch.StartNew();
            var main = generator.GenerateMainTracesAsync(record).GetAwaiter().GetResult();
            var mainSeconds = clock.Elapsed.TotalSeconds;
            if (onDevice)
            {
                clock.Restart();
                using var aux = generator.GenerateAuxTracesAsync(main, preprocessed.Traces, challenges).GetAwaiter().GetResult();
                return (mainSeconds, clock.Elapsed.TotalSeconds, aux.Traces.Values.Sum(t => (long)t.Layout.Width * t.Height * 16));
            }

            using (main)
            {
                var shard = new ShardTraces(
                    (int)record.Shard,
                    main.ShardChips.Select(machine.ByName).ToDictionary(
                        c => c.Name, c => c.Included(record) ? c.GenerateHostMainTrace(record) : HostTrace.Zeros(0, c.Width), StringComparer.Ordinal),
                    options.MaxLogRowCount,
                    main.PublicValues);
                clock.Restart();
                var aux = HostAuxTraces.Generate(machine, hostPreprocessed, shard, challenges);
                return (mainSeconds, clock.Elapsed.TotalSeconds, aux.Values.Sum(t => (long)t.Layout.Width * t.Height * 16));
            }
        }

        Shard(execution.Shards[0]);
        double mainTotal = 0, auxTotal = 0;
        long bytes = 0;
        foreach (var record in execution.Shards)
        {
            var (main, aux, written) = Shard(record);
            mainTotal += main;
            auxTotal += aux;
            bytes += written;
        }

        using var floor = accelerator.DefaultStream.Allocate<uint>(bytes / sizeof(uint));
        accelerator.DefaultStream.Fill32(floor, 1u);
        var memset = Stopwatch.StartNew();
        accelerator.DefaultStream.Fill32(floor, 0x5au);
        var floorSeconds = memset.Elapsed.TotalSeconds;
        Console.WriteLine($"sha256_long, {execution.Shards.Count} shards, {bytes:N0} bytes of aux traces, {backend} on {accelerator.Name}");
        Console.WriteLine($"aux {auxTotal:F2} s, main traces {mainTotal:F2} s, memset floor {floorSeconds * 1000:F1} ms");
        Console.WriteLine($"aux / memset floor = {auxTotal / floorSeconds:F1}x; aux / main-trace generation = {auxTotal / mainTotal:F1}x");
    }
}
