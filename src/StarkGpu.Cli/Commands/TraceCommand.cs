using System.CommandLine;
using Spectre.Console;
using StarkGpu.Cli.Rv32im;
using StarkGpu.Rv32im.Execution;
using StarkGpu.Rv32im.Sharding;
using GuestImage = StarkGpu.Rv32im.Elf.Program;

namespace StarkGpu.Cli.Commands;

/// <summary><c>stark-gpu trace PROGRAM.elf</c>: executes and generates every shard's traces; <c>demo</c> does it on an embedded guest.</summary>
internal static class TraceCommand
{
    public static Command Create()
    {
        var program = new Argument<string>("program") { Description = "RV32IM ELF executable" };
        var hints = new Option<string[]>("--hint") { Description = "A file whose bytes are the next hint (repeatable)" };
        var backend = BackendOption.Create("cpu", "host", "cpu", "cuda");
        var shardCycles = new Option<int?>("--shard-cycles") { Description = "Cycles per shard (default: the most whose every trace fits --max-log-rows, at most 2^20)" };
        var shardsInFlight = new Option<int>("--shards-in-flight")
        {
            Description = "Shard records alive at once (executing, waiting, tracing): bounds the memory; the executor waits when the pipeline is full",
            DefaultValueFactory = _ => 2,
        };
        var maxLogRows = new Option<int>("--max-log-rows") { Description = "Traces are padded to 2^N rows; a taller one is an error", DefaultValueFactory = _ => 22 };
        var check = new Option<bool>("--check") { Description = "Run the constraint checker and bus balance on every shard" };
        var maxCycles = new Option<ulong?>("--max-cycles") { Description = "Stop with an error after this many instructions" };
        var json = new Option<string?>("--json") { Description = "Write the report as JSON to this file" };
        var digest = new Option<bool>("--digest") { Description = "SHA-256 of every chip's traces (canonical column-major cells) and of the whole run, the same on every backend" };
        var command = new Command("trace", "Execute a guest and generate every shard's traces; prints per-chip rows, width, backend and time.")
        {
            program, hints, backend, shardCycles, shardsInFlight, maxLogRows, check, maxCycles, json, digest,
        };
        command.SetAction(parse => CommandGuard.Run("trace", () =>
        {
            var path = parse.GetValue(program)!;
            var logRows = parse.GetValue(maxLogRows);
            var settings = new TraceSettings(
                parse.GetValue(backend)!, parse.GetValue(shardCycles) ?? DefaultShardCycles(logRows), logRows, parse.GetValue(check),
                parse.GetValue(maxCycles), parse.GetValue(digest), parse.GetValue(shardsInFlight));
            Validate(settings);
            var jsonPath = parse.GetValue(json);
            JsonReport.CheckWritable(jsonPath);
            return Run(path, GuestProgram.Load(path), settings, GuestProgram.LoadHints(parse.GetValue(hints) ?? []), jsonPath);
        }));
        return command;
    }

    public static Command CreateDemo()
    {
        var command = new Command("demo", "Trace the embedded demo guest (a SHA-256 that checks its digest) on the CPU backend, with --check.");
        command.SetAction(_ => CommandGuard.Run("demo", () =>
        {
            var (name, program) = GuestProgram.LoadDemo();
            return Run(name, program, new TraceSettings("cpu", 1 << 17, 22, Check: true, MaxCycles: null), [], null);
        }));
        return command;
    }

    /// <summary>The smallest shard the CLI accepts.</summary>
    private const int MinShardCycles = 1024;

    /// <summary>The most shards in flight: each holds a shard's events (about 108 MB per 2^20 cycles).</summary>
    private const int MaxShardsInFlight = 64;

    /// <summary>As a prover picks it: the most cycles whose every trace fits the height limit (checked in <see cref="Validate"/>).</summary>
    private static int DefaultShardCycles(int maxLogRows) =>
        maxLogRows >= ShardSizing.MinLogRows && maxLogRows <= 30 ? ShardSizing.MaxShardCycles(maxLogRows) : MinShardCycles;

    private static void Validate(TraceSettings settings)
    {
        if (settings.MaxLogRows < ShardSizing.MinLogRows || settings.MaxLogRows > 30)
        {
            throw new BadInputException(
                $"--max-log-rows must be in [{ShardSizing.MinLogRows}, 30] (got {settings.MaxLogRows}): ByteLookup's table alone has 2^{ShardSizing.MinLogRows} rows");
        }

        if (settings.ShardCycles < MinShardCycles)
        {
            throw new BadInputException(
                $"--shard-cycles must be at least {MinShardCycles} (got {settings.ShardCycles}): every shard pays for the 65,536-row ByteLookup " +
                "table, so tinier shards only multiply that cost");
        }

        if (settings.ShardCycles > ExecutionOptions.MaxShardSize)
        {
            throw new BadInputException(
                $"--shard-cycles must be at most {ExecutionOptions.MaxShardSize:N0} (got {settings.ShardCycles:N0}): a shard's timestamps must stay " +
                "below 2^24 for the Cpu chip's access-order check");
        }

        if (settings.ShardsInFlight is < 1 or > MaxShardsInFlight)
        {
            throw new BadInputException($"--shards-in-flight must be in [1, {MaxShardsInFlight}] (got {settings.ShardsInFlight})");
        }
    }

    private static int Run(string name, GuestImage program, TraceSettings settings, IReadOnlyList<byte[]> hints, string? jsonPath)
    {
        var outcome = TraceRun.Execute(program, settings, hints);
        var table = new Table().AddColumns("chip", "rows", "width", "backend", "ms");
        if (outcome.Digest is not null)
        {
            table.AddColumn("digest (SHA-256)");
        }

        foreach (var chip in outcome.Chips)
        {
            string[] cells =
            [
                Markup.Escape(chip.Name), chip.Rows.ToString("N0", CultureInfo.InvariantCulture), chip.Width.ToString(CultureInfo.InvariantCulture),
                chip.Backend, (chip.Seconds * 1e3).ToString("F1", CultureInfo.InvariantCulture),
            ];
            table.AddRow(outcome.Digest is null ? cells : [.. cells, chip.Digest ?? "-"]);
        }

        AnsiConsole.Write(table);
        Console.WriteLine($"program {name}: exit code {outcome.ExitCode}, {outcome.Cycles:N0} cycles, {outcome.Shards} shards, backend {outcome.Backend}");
        var pipeline = outcome.Pipeline;
        Console.WriteLine(
            $"pipeline: {pipeline.ShardsInFlight} shards in flight, {pipeline.WallSeconds:F3} s; executor {pipeline.ExecuteSeconds:F3} s (waited " +
            $"{pipeline.ExecutorWaitSeconds:F3} s), shards {pipeline.ShardSeconds:F3} s, overlapping {pipeline.OverlapSeconds:F3} s; peak resident memory " +
            $"{pipeline.PeakResidentBytes / (double)(1 << 20):N0} MiB");
        Console.WriteLine($"trace generation {outcome.TracegenSeconds:F3} s = {outcome.CyclesPerSecond / 1e6:F2} MHz, {outcome.BytesPerSecond / 1e9:F2} GB/s of trace, {outcome.FloorRatio:P0} of the memset floor ({outcome.FloorSeconds * 1e3:F1} ms for the same {outcome.TraceBytes:N0} bytes)");
        var incomplete = outcome.IncompleteBuses.Count == 0 ? string.Empty : $" (not balanceable yet, no chip on one side: {string.Join(", ", outcome.IncompleteBuses)})";
        Console.WriteLine($"check: constraints {outcome.Constraints}, buses {outcome.Buses}{incomplete}, public values chain {outcome.PublicValueChain}");
        if (outcome.Digest is not null)
        {
            Console.WriteLine($"digest: {outcome.Digest}");
        }
        if (outcome.CheckReport is not null)
        {
            Console.WriteLine(outcome.CheckReport);
        }

        if (jsonPath is not null)
        {
            WriteJson(jsonPath, name, outcome);
        }

        return outcome.Failed ? ExitCodes.Failed : ExitCodes.Success;
    }

    private static void WriteJson(string path, string name, TraceOutcome outcome) => JsonReport.Write(path, json =>
    {
        json.WriteString("program", name);
        json.WriteNumber("exitCode", outcome.ExitCode);
        json.WriteNumber("cycles", outcome.Cycles);
        json.WriteString("publicValues", JsonReport.Hex(outcome.PublicValues));
        json.WriteNumber("shards", outcome.Shards);
        json.WriteString("backend", outcome.Backend);
        json.WriteNumber("executeSeconds", outcome.Pipeline.ExecuteSeconds);
        json.WriteNumber("tracegenSeconds", outcome.TracegenSeconds);
        json.WriteNumber("peakResidentBytes", outcome.Pipeline.PeakResidentBytes);
        json.WriteStartObject("pipeline");
        json.WriteNumber("shardsInFlight", outcome.Pipeline.ShardsInFlight);
        json.WriteNumber("shardCycles", outcome.ShardCycles);
        json.WriteNumber("wallSeconds", outcome.Pipeline.WallSeconds);
        json.WriteNumber("executorSeconds", outcome.Pipeline.ExecuteSeconds);
        json.WriteNumber("executorWaitSeconds", outcome.Pipeline.ExecutorWaitSeconds);
        json.WriteNumber("shardSeconds", outcome.Pipeline.ShardSeconds);
        json.WriteNumber("overlapSeconds", outcome.Pipeline.OverlapSeconds);
        json.WriteEndObject();
        json.WriteNumber("cyclesPerSecond", outcome.CyclesPerSecond);
        json.WriteNumber("floorRatio", outcome.FloorRatio);
        if (outcome.Digest is not null)
        {
            json.WriteString("digest", outcome.Digest);
        }

        json.WriteStartObject("check");
        json.WriteString("constraints", outcome.Constraints);
        json.WriteString("buses", outcome.Buses);
        json.WriteString("publicValueChain", outcome.PublicValueChain);
        json.WriteEndObject();
        json.WriteStartArray("chips");
        foreach (var chip in outcome.Chips)
        {
            json.WriteStartObject();
            json.WriteString("name", chip.Name);
            json.WriteNumber("rows", chip.Rows);
            json.WriteNumber("width", chip.Width);
            json.WriteString("backend", chip.Backend);
            json.WriteNumber("seconds", chip.Seconds);
            if (chip.Digest is not null)
            {
                json.WriteString("digest", chip.Digest);
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
    });
}
