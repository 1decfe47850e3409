using System.Diagnostics;
using StarkGpu.Device;
using StarkGpu.Engine.Checking;
using StarkGpu.Engine.Digests;
using StarkGpu.Fields;
using StarkGpu.Engine.Scheduling;
using StarkGpu.Rv32im;
using StarkGpu.Rv32im.Events;
using StarkGpu.Rv32im.Elf;
using GuestImage = StarkGpu.Rv32im.Elf.Program;
using StarkGpu.Rv32im.Execution;

namespace StarkGpu.Cli.Rv32im;

/// <summary>What <c>trace</c> and <c>demo</c> were asked to do.</summary>
internal sealed record TraceSettings(string Backend, int ShardCycles, int MaxLogRows, bool Check, ulong? MaxCycles, bool Digest = false);

/// <summary>One chip's totals over all shards; its digest (<see cref="TraceDigest"/> of each shard's trace, combined in shard order) when asked for.</summary>
internal sealed record ChipTotals(string Name, long Rows, int Width, string Backend, double Seconds, string? Digest = null);

/// <summary>The outcome of a trace run, printed as a table and written as JSON.</summary>
internal sealed record TraceOutcome(
    uint ExitCode, ulong Cycles, int Shards, string Backend, double ExecuteSeconds, double TracegenSeconds,
    long TraceBytes, double FloorSeconds, IReadOnlyList<ChipTotals> Chips, string Constraints, string Buses,
    IReadOnlyList<string> IncompleteBuses, string? CheckReport, byte[] PublicValues, string? Digest)
{
    public double CyclesPerSecond => Cycles / TracegenSeconds;

    public double BytesPerSecond => TraceBytes / TracegenSeconds;

    /// <summary>Floor time over trace generation time: 1.0 means as fast as a memset of the same bytes.</summary>
    public double FloorRatio => FloorSeconds / TracegenSeconds;

    public bool Failed => ExitCode != 0 || Constraints == "fail" || Buses == "fail";
}

/// <summary>Executes a guest with event recording and generates every shard's traces on the chosen backend.</summary>
internal static class TraceRun
{
    public static TraceOutcome Execute(GuestImage program, TraceSettings settings, IReadOnlyList<byte[]> hints)
    {
        var clock = Stopwatch.StartNew();
        using var result = Executor.Execute(program, new ExecutionOptions
        {
            Mode = ExecutionMode.Recording,
            ShardSize = settings.ShardCycles,
            Hints = hints,
            MaxCycles = settings.MaxCycles ?? new ExecutionOptions().MaxCycles,
        });
        var executeSeconds = clock.Elapsed.TotalSeconds;

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
        var digestClock = new Stopwatch(); // digests are not trace generation: their time is taken out
        long traceBytes = 0;
        clock.Restart();
        using (var preprocessed = generator.GeneratePreprocessedTracesAsync(program).GetAwaiter().GetResult())
        {
            Accumulate(totals, preprocessed.Reports, PreprocessedSuffix);
            Digest(digests, preprocessed.Traces, PreprocessedSuffix, digestClock);
            traceBytes += preprocessed.Reports.Sum(r => (long)r.Rows * r.Width * sizeof(uint));
        }

        for (var shard = 0; shard < result.Shards.Count; shard++)
        {
            ShowProgress(shard, result.Shards.Count);
            using var traces = generator.GenerateMainTracesAsync(result.Shards[shard]).GetAwaiter().GetResult();
            Accumulate(totals, traces.Reports, string.Empty);
            Digest(digests, traces.Traces, string.Empty, digestClock);
            traceBytes += traces.Reports.Sum(r => (long)r.Rows * r.Width * sizeof(uint));
        }

        var tracegenSeconds = clock.Elapsed.TotalSeconds - digestClock.Elapsed.TotalSeconds;
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
        ShowProgress(result.Shards.Count, result.Shards.Count);
        var floorSeconds = MemsetFloor(accelerator, traceBytes);

        string constraints = "skipped", buses = "skipped";
        string? report = null;
        var incomplete = Rv32imMachine.IncompleteBuses(machine);
        if (settings.Check)
        {
            var check = ConstraintChecker.CheckRecords(machine, program, result.Shards);
            var imbalances = check.BusImbalances.Where(b => !incomplete.Contains(b.Bus)).ToList();
            constraints = check.ConstraintFailureCount == 0 ? "pass" : "fail";
            buses = imbalances.Count == 0 ? "pass" : "fail";
            if (!check.IsSatisfied)
            {
                report = string.Join(Environment.NewLine, check.ConstraintFailures.Select(f => f.ToString()).Concat(imbalances.Select(b => b.ToString())).Take(20));
            }
        }

        return new TraceOutcome(
            result.ExitCode, result.Cycles, result.ShardCount, settings.Backend, executeSeconds, tracegenSeconds, traceBytes, floorSeconds,
            [.. totals.Values], constraints, buses, [.. incomplete.Select(b => b.Name)], report, [.. result.PublicValuesStream], runDigest);
    }

    private const string PreprocessedSuffix = "(preprocessed)";

    /// <summary>Adds each trace's digest to its chip's list (shards in order), when digests were asked for.</summary>
    private static void Digest(
        SortedDictionary<string, List<byte[]>>? digests, IReadOnlyDictionary<string, PaddedMle<KoalaBear>> traces, string suffix, Stopwatch clock)
    {
        if (digests is null)
        {
            return;
        }

        clock.Start();
        foreach (var (chip, trace) in traces)
        {
            var name = suffix.Length == 0 ? chip : $"{chip} {suffix}";
            if (!digests.TryGetValue(name, out var list))
            {
                digests[name] = list = [];
            }

            list.Add(TraceDigest.Of(trace));
        }

        clock.Stop();
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

    private static void ShowProgress(int done, int total)
    {
        if (!Console.IsErrorRedirected && total > 1)
        {
            Console.Error.Write(done == total ? $"\rtraced {total} shards{new string(' ', 10)}\n" : $"\rtracing shard {done + 1}/{total}...");
        }
    }
}
