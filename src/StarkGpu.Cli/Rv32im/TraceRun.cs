using System.Diagnostics;
using StarkGpu.Device;
using StarkGpu.Engine.Checking;
using StarkGpu.Engine.Digests;
using StarkGpu.Fields;
using StarkGpu.Engine.Scheduling;
using StarkGpu.Rv32im;
using StarkGpu.Rv32im.Events;
using GuestImage = StarkGpu.Rv32im.Elf.Program;
using StarkGpu.Rv32im.Execution;

namespace StarkGpu.Cli.Rv32im;

/// <summary>What <c>trace</c> and <c>demo</c> were asked to do.</summary>
internal sealed record TraceSettings(
    string Backend, int ShardCycles, int MaxLogRows, bool Check, ulong? MaxCycles, bool Digest = false, int ShardsInFlight = 2);

/// <summary>One chip's totals over all shards; its digest (<see cref="TraceDigest"/> of each shard's trace, combined in shard order) when asked for.</summary>
internal sealed record ChipTotals(string Name, long Rows, int Width, string Backend, double Seconds, string? Digest = null);

/// <summary>How the executor and trace generation shared the run (seconds), and the memory it took.</summary>
/// <param name="ExecuteSeconds">The executor's own time (its waits for a free shard slot excluded).</param>
/// <param name="ExecutorWaitSeconds">The executor waiting because <see cref="ShardsInFlight"/> records were alive.</param>
/// <param name="ShardSeconds">Trace generation plus the digests and the check, per shard, summed.</param>
/// <param name="WallSeconds">From the executor's start to the last shard's release.</param>
/// <param name="PeakResidentBytes">The process's peak resident memory (VmHWM) at the end of the run.</param>
internal sealed record PipelineFigures(
    int ShardsInFlight, double ExecuteSeconds, double ExecutorWaitSeconds, double ShardSeconds, double WallSeconds, long PeakResidentBytes)
{
    /// <summary>Seconds the executor and the shard work ran at the same time.</summary>
    public double OverlapSeconds => Math.Max(0, ExecuteSeconds + ShardSeconds - WallSeconds);
}

/// <summary>The outcome of a trace run, printed as a table and written as JSON.</summary>
internal sealed record TraceOutcome(
    uint ExitCode, ulong Cycles, int Shards, int ShardCycles, string Backend, double TracegenSeconds,
    long TraceBytes, double FloorSeconds, IReadOnlyList<ChipTotals> Chips, string Constraints, string Buses, string PublicValueChain,
    IReadOnlyList<string> IncompleteBuses, string? CheckReport, byte[] PublicValues, string? Digest, PipelineFigures Pipeline)
{
    public double CyclesPerSecond => Cycles / TracegenSeconds;

    public double BytesPerSecond => TraceBytes / TracegenSeconds;

    /// <summary>Floor time over trace generation time: 1.0 means as fast as a memset of the same bytes.</summary>
    public double FloorRatio => FloorSeconds / TracegenSeconds;

    public bool Failed => ExitCode != 0 || Constraints == "fail" || Buses == "fail" || PublicValueChain == "fail";
}

/// <summary>
/// Executes a guest and generates every shard's traces on the chosen backend as a pipeline: the executor streams
/// shard records (at most <see cref="TraceSettings.ShardsInFlight"/> alive), each is traced, digested and checked
/// as it comes and released at once, so memory does not grow with the program's length.
/// </summary>
internal static class TraceRun
{
    public static TraceOutcome Execute(GuestImage program, TraceSettings settings, IReadOnlyList<byte[]> hints)
    {
        var backend = settings.Backend switch
        {
            "host" => TraceBackend.Host,
            "cuda" => TraceBackend.Cuda,
            _ => TraceBackend.Cpu,
        };
        using var accelerator = BackendOption.OpenAccelerator(settings.Backend);
        using var semaphore = new ProverSemaphore();
        var machine = Rv32imMachine.Create(program);
        var generator = new TraceGenerator<ExecutionRecord, GuestImage>(
            machine, accelerator, semaphore, new TraceGeneratorOptions { Backend = backend, MaxLogRowCount = settings.MaxLogRows });

        var totals = new SortedDictionary<string, ChipTotals>(StringComparer.Ordinal);
        var digests = settings.Digest ? new SortedDictionary<string, List<byte[]>>(StringComparer.Ordinal) : null;
        long traceBytes = 0;
        var preprocessedClock = Stopwatch.StartNew();
        using (var preprocessed = generator.GeneratePreprocessedTracesAsync(program).GetAwaiter().GetResult())
        {
            preprocessedClock.Stop();
            Accumulate(totals, preprocessed.Reports, PreprocessedSuffix);
            Digest(digests, preprocessed.Traces, PreprocessedSuffix);
            traceBytes += preprocessed.Reports.Sum(r => (long)r.Rows * r.Width * sizeof(uint));
        }

        var check = settings.Check ? ConstraintChecker.BeginStream(machine, program) : null;
        var publicValues = new List<IReadOnlyList<KoalaBear>>(); // a few words per shard, for the verifier's chain
        var wall = Stopwatch.StartNew();
        using var stream = Executor.ExecuteStreaming(program, new ExecutionOptions
        {
            ShardSize = settings.ShardCycles,
            Hints = hints,
            MaxCycles = settings.MaxCycles ?? new ExecutionOptions().MaxCycles,
        }, settings.ShardsInFlight);
        var pipeline = ShardPipeline.RunAsync(generator, stream.Records, (record, traces) =>
        {
            ShowProgress((int)record.Shard);
            Accumulate(totals, traces.Reports, string.Empty);
            Digest(digests, traces.Traces, string.Empty);
            traceBytes += traces.Reports.Sum(r => (long)r.Rows * r.Width * sizeof(uint));
            check?.Add(record);
            publicValues.Add(traces.PublicValues);
            return ValueTask.CompletedTask;
        }).GetAwaiter().GetResult();
        using var result = stream.Completion.GetAwaiter().GetResult();
        wall.Stop();
        ShowProgress(0);
        var figures = new PipelineFigures(
            settings.ShardsInFlight, stream.ExecutingTime.TotalSeconds, stream.WaitingTime.TotalSeconds, pipeline.BusyTime.TotalSeconds,
            wall.Elapsed.TotalSeconds, Process.GetCurrentProcess().PeakWorkingSet64);

        var tracegenSeconds = preprocessedClock.Elapsed.TotalSeconds + pipeline.TracegenTime.TotalSeconds;
        string? runDigest = null;
        if (digests is not null)
        {
            // A chip of the shard's cluster that the record does not use has a virtual-zero trace: it has a digest
            // (its width, height 0) but no report, so it has no row of the table.
            foreach (var (name, chipDigests) in digests)
            {
                if (totals.TryGetValue(name, out var chip))
                {
                    totals[name] = chip with { Digest = Convert.ToHexStringLower(TraceDigest.Combine(chipDigests)) };
                }
            }

            runDigest = Convert.ToHexStringLower(TraceDigest.Combine(digests.Values.Select(TraceDigest.Combine)));
        }

        var floorSeconds = MemsetFloor(accelerator, traceBytes);
        string constraints = "skipped", buses = "skipped", chain = "skipped";
        string? report = null;
        var incomplete = Rv32imMachine.IncompleteBuses(machine);
        if (check is not null)
        {
            var checkReport = check.Finish();
            var imbalances = checkReport.BusImbalances.Where(b => !incomplete.Contains(b.Bus)).ToList();
            constraints = checkReport.ConstraintFailureCount == 0 ? "pass" : "fail";
            buses = imbalances.Count == 0 ? "pass" : "fail";
            var broken = PublicValueChain.Check(program, publicValues);
            chain = broken.Count == 0 ? "pass" : "fail";
            if (!checkReport.IsSatisfied || broken.Count != 0)
            {
                report = string.Join(
                    Environment.NewLine,
                    checkReport.ConstraintFailures.Select(f => f.ToString()).Concat(imbalances.Select(b => b.ToString())).Concat(broken).Take(20));
            }
        }

        return new TraceOutcome(
            result.ExitCode, result.Cycles, result.ShardCount, settings.ShardCycles, settings.Backend, tracegenSeconds, traceBytes, floorSeconds,
            [.. totals.Values], constraints, buses, chain, [.. incomplete.Select(b => b.Name)], report, [.. result.PublicValuesStream], runDigest, figures);
    }

    private const string PreprocessedSuffix = "(preprocessed)";

    /// <summary>Adds each trace's digest to its chip's list (shards in order), when digests were asked for.</summary>
    private static void Digest(
        SortedDictionary<string, List<byte[]>>? digests, IReadOnlyDictionary<string, PaddedMle<KoalaBear>> traces, string suffix)
    {
        if (digests is null)
        {
            return;
        }

        foreach (var (chip, trace) in traces)
        {
            var name = suffix.Length == 0 ? chip : $"{chip} {suffix}";
            if (!digests.TryGetValue(name, out var list))
            {
                digests[name] = list = [];
            }

            list.Add(TraceDigest.Of(trace));
        }
    }

    private static void Accumulate(SortedDictionary<string, ChipTotals> totals, IReadOnlyList<ChipTraceReport> reports, string suffix)
    {
        foreach (var r in reports)
        {
            var name = suffix.Length == 0 ? r.Chip : $"{r.Chip} {suffix}";
            totals[name] = totals.TryGetValue(name, out var sum)
                ? sum with { Rows = sum.Rows + r.Rows, Seconds = sum.Seconds + r.Seconds }
                : new ChipTotals(name, r.Rows, r.Width, r.Backend, r.Seconds);
        }
    }

    /// <summary>
    /// The floor: filling as many bytes as the traces hold, on the same accelerator, in the same run. At most
    /// <see cref="FloorSampleBytes"/> are filled, and the time is scaled to all bytes: a memset's time is linear in
    /// its size once it is far beyond the caches, and a multi-gigabyte buffer would only measure the allocator. The
    /// best of three fills: on a shared machine a single fill sometimes takes twice as long.
    /// </summary>
    private static double MemsetFloor(Accelerator accelerator, long bytes)
    {
        var sampleBytes = Math.Clamp(bytes, sizeof(uint), FloorSampleBytes);
        var stream = accelerator.DefaultStream;
        using var buffer = stream.Allocate<uint>(sampleBytes / sizeof(uint));
        stream.Fill32(buffer, 1u); // first touch: page faults are not the floor
        stream.Synchronize();
        var best = double.MaxValue;
        for (var fill = 0; fill < 3; fill++)
        {
            var clock = Stopwatch.StartNew();
            stream.Fill32(buffer, 0x5au + (uint)fill);
            stream.Synchronize();
            best = Math.Min(best, clock.Elapsed.TotalSeconds);
        }

        return best * ((double)Math.Max(bytes, sampleBytes) / sampleBytes);
    }

    private const long FloorSampleBytes = 512L << 20;

    /// <summary>The shard being traced on an interactive terminal (the total is not known while the guest runs); 0 clears the line.</summary>
    private static void ShowProgress(int shard)
    {
        if (!Console.IsErrorRedirected)
        {
            Console.Error.Write(shard == 0 ? "\r" + new string(' ', 40) + "\r" : $"\rtracing shard {shard}...");
        }
    }
}
