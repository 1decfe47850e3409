using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using StarkGpu.Device;
using StarkGpu.Engine.Scheduling;
using StarkGpu.Rv32im;
using StarkGpu.Rv32im.Elf;
using StarkGpu.Rv32im.Events;
using StarkGpu.Rv32im.Execution;
using GuestImage = StarkGpu.Rv32im.Elf.Program;

namespace StarkGpu.Benchmarks.Rv32im;

/// <summary>
/// Steady-state trace generation of a whole multi-million-cycle guest: every main trace of every shard of
/// <c>sha256_long</c> (4.3 million cycles, shards of 2^20), from the records to device MLEs, on the cpu backend
/// and on the host backend, beside the memset floor of the same bytes on the same accelerator. Unlike the CLI's
/// one-shot <c>trace</c> report, warm-up iterations leave the accelerator's memory pool and the caches warm, as
/// a prover that traces shard after shard finds them.
/// </summary>
public class TracegenBenchmarks
{
    private const int ShardCycles = 1 << 20;
    private ExecutionResult _execution = null!;
    private Accelerator _accelerator = null!;
    private TraceGenerator<ExecutionRecord, GuestImage> _cpu = null!;
    private TraceGenerator<ExecutionRecord, GuestImage> _host = null!;
    private DeviceBuffer<uint>? _floor;
    private readonly ChipSeconds _cpuChips = new();
    private readonly ChipSeconds _hostChips = new();
    private readonly List<double> _pairedRatios = [];
    private readonly List<double> _hostPairedRatios = [];

    [GlobalSetup]
    public void SetUp()
    {
        var program = ElfLoader.LoadFile(GuestElf.Path("sha256_long"));
        _execution = Executor.Execute(program, new ExecutionOptions { Mode = ExecutionMode.Recording, ShardSize = ShardCycles });
        _accelerator = Accelerators.Cpu();
        var machine = Rv32imMachine.Create(program);
        var semaphore = new ProverSemaphore();
        _cpu = new TraceGenerator<ExecutionRecord, GuestImage>(
            machine, _accelerator, semaphore, new TraceGeneratorOptions { Backend = TraceBackend.Cpu, MaxLogRowCount = 22 });
        _host = new TraceGenerator<ExecutionRecord, GuestImage>(
            machine, _accelerator, semaphore, new TraceGeneratorOptions { Backend = TraceBackend.Host, MaxLogRowCount = 22 });

        var bytes = GenerateAll(_cpu);
        _floor = _accelerator.DefaultStream.Allocate<uint>(bytes / sizeof(uint));
        _accelerator.DefaultStream.Fill32(_floor, 1u); // first touch outside the measurement
        Console.WriteLine($"// sha256_long: {_execution.Cycles:N0} cycles, {_execution.ShardCount} shards, {bytes:N0} bytes of main traces");
        Console.WriteLine($"// accelerator: {_accelerator.Name}");
    }

    [Benchmark(Baseline = true, Description = "floor: memset of the same bytes")]
    public void MemsetFloor()
    {
        _accelerator.DefaultStream.Fill32(_floor!, 0x5au);
        _accelerator.DefaultStream.Synchronize();
    }

    [Benchmark(Description = "all shards, cpu backend")]
    public long CpuBackend() => GenerateAll(_cpu, _cpuChips);

    /// <summary>
    /// The memset floor and the cpu backend one right after the other in each invocation, so that both see the same
    /// state of a shared machine (its memory bandwidth drifts by tens of percent over a minute); the median of the
    /// per-invocation ratios is printed at the end. BenchmarkDotNet's own Ratio column compares means measured
    /// minutes apart.
    /// </summary>
    [Benchmark(Description = "floor then cpu backend, paired")]
    public long CpuBackendPairedWithFloor()
    {
        var clock = Stopwatch.StartNew();
        MemsetFloor();
        var floor = clock.Elapsed.TotalSeconds;
        clock.Restart();
        var bytes = GenerateAll(_cpu);
        _pairedRatios.Add(clock.Elapsed.TotalSeconds / floor);
        return bytes;
    }

    /// <summary>The host backend paired with the floor in each invocation, as <see cref="CpuBackendPairedWithFloor"/>.</summary>
    [Benchmark(Description = "floor then host backend, paired")]
    public long HostBackendPairedWithFloor()
    {
        var clock = Stopwatch.StartNew();
        MemsetFloor();
        var floor = clock.Elapsed.TotalSeconds;
        clock.Restart();
        var bytes = GenerateAll(_host);
        _hostPairedRatios.Add(clock.Elapsed.TotalSeconds / floor);
        return bytes;
    }

    [Benchmark(Description = "all shards, host backend")]
    public long HostBackend() => GenerateAll(_host, _hostChips);

    [GlobalCleanup]
    public void CleanUp()
    {
        _cpuChips.Print("cpu backend");
        _hostChips.Print("host backend");
        PrintPaired("cpu backend", _pairedRatios);
        PrintPaired("host backend", _hostPairedRatios);
        _floor?.Dispose();
        _execution.Dispose();
        _accelerator.Dispose();
    }

    private static void PrintPaired(string backend, List<double> ratios)
    {
        if (ratios.Count == 0)
        {
            return;
        }

        ratios.Sort();
        var median = ratios[ratios.Count / 2];
        Console.WriteLine($"// paired: {backend} / memset floor, median of {ratios.Count} invocations = {median:F2} ({1 / median:P0} of the floor); range {ratios[0]:F2}..{ratios[^1]:F2}");
    }

    /// <summary>Generates every shard's main traces, one shard at a time; returns the bytes of their real rows.</summary>
    private long GenerateAll(TraceGenerator<ExecutionRecord, GuestImage> generator, ChipSeconds? chips = null)
    {
        chips?.NextRun();
        long bytes = 0;
        foreach (var shard in _execution.Shards)
        {
            using var traces = generator.GenerateMainTracesAsync(shard).GetAwaiter().GetResult();
            bytes += traces.Reports.Sum(r => (long)r.Rows * r.Width * sizeof(uint));
            chips?.Add(traces.Reports);
        }

        return bytes;
    }
}
