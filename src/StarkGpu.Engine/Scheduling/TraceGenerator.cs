using System.Diagnostics;
using StarkGpu.Device;
using StarkGpu.Engine.Chips;
using StarkGpu.Engine.Machines;
using StarkGpu.Fields;

namespace StarkGpu.Engine.Scheduling;

/// <summary>
/// Turns records (and programs) into padded device MLEs, with the data flow of DESIGN.md section 2:
/// host-only chips on the thread pool streaming into device copies, device-capable chips by kernels at
/// the same time, all behind a <see cref="ProverSemaphore"/> permit taken after host work has started
/// and before any device memory is touched. Safe to call concurrently from several provers.
/// </summary>
public sealed partial class TraceGenerator<TRecord, TProgram> where TRecord : IExecutionRecord
{
    private const string PreprocessedKey = "preprocessed/";
    private const string MainKey = "main/";

    private readonly Machine<TRecord, TProgram> _machine;
    private readonly Accelerator _accelerator;
    private readonly ProverSemaphore _semaphore;

    public TraceGenerator(Machine<TRecord, TProgram> machine, Accelerator accelerator, ProverSemaphore semaphore, TraceGeneratorOptions? options = null)
    {
        _machine = machine;
        _accelerator = accelerator;
        _semaphore = semaphore;
        Options = options ?? new TraceGeneratorOptions();
        ArgumentOutOfRangeException.ThrowIfNegative(Options.MaxLogRowCount);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Options.MaxLogRowCount, 30);
        var expected = Options.Backend switch
        {
            TraceBackend.Cuda => AcceleratorKind.Cuda,
            _ => AcceleratorKind.Cpu,
        };
        if (accelerator.Kind != expected)
        {
            throw new ArgumentException($"backend {Options.Backend} needs a {expected} accelerator, got {accelerator}", nameof(accelerator));
        }
    }

    public TraceGeneratorOptions Options { get; }

    public Machine<TRecord, TProgram> Machine => _machine;

    /// <summary>The main traces of one shard.</summary>
    public async Task<MainTraceData> GenerateMainTracesAsync(TRecord record, CancellationToken cancellationToken = default)
    {
        var (jobs, shardChips) = PlanMain(record);
        var (traces, permit) = await RunAsync(jobs, cancellationToken).ConfigureAwait(false);
        return FinishMain(record, shardChips, traces, permit, traces);
    }

    /// <summary>The preprocessed traces of a program.</summary>
    public async Task<PreprocessedTraceData> GeneratePreprocessedTracesAsync(TProgram program, CancellationToken cancellationToken = default)
    {
        var jobs = PlanPreprocessed(program);
        var (traces, permit) = await RunAsync(jobs, cancellationToken).ConfigureAwait(false);
        return new PreprocessedTraceData(traces.Traces(PreprocessedKey), traces.Reports(PreprocessedKey), permit, traces);
    }

    /// <summary>Preprocessed and main traces together, under one permit.</summary>
    public async Task<TraceData> GenerateTracesAsync(TProgram program, TRecord record, CancellationToken cancellationToken = default)
    {
        var preprocessedJobs = PlanPreprocessed(program);
        var (mainJobs, shardChips) = PlanMain(record);
        var (traces, permit) = await RunAsync([.. preprocessedJobs, .. mainJobs], cancellationToken).ConfigureAwait(false);
        var preprocessed = new PreprocessedTraceData(traces.Traces(PreprocessedKey), traces.Reports(PreprocessedKey), permit, NothingToDispose.Instance);
        return new TraceData(preprocessed, FinishMain(record, shardChips, traces, permit, traces));
    }

    private MainTraceData FinishMain(TRecord record, Cluster shardChips, DeviceTraceSet traces, ProverPermit permit, IDisposable memory)
    {
        var mains = traces.Traces(MainKey);
        foreach (var name in shardChips.ChipNames)
        {
            if (!mains.ContainsKey(name))
            {
                mains.Add(name, PaddedMle<KoalaBear>.Zeros(_machine.ByName(name).Width, Options.MaxLogRowCount));
            }
        }

        // Public values only now: device kernels may have written back into the record.
        var publicValues = record.PublicValues.ToArray();
        return new MainTraceData(mains, publicValues, shardChips.ChipNames, traces.Reports(MainKey), permit, memory);
    }

    private (List<TraceJob> Jobs, Cluster ShardChips) PlanMain(TRecord record)
    {
        var chips = _machine.IncludedChips(record);
        var cluster = _machine.SmallestCluster(chips);
        var jobs = new List<TraceJob>(chips.Count);
        foreach (var chip in chips)
        {
            var rows = CheckHeight(chip.Name, chip.MainHeight(record));
            var key = MainKey + chip.Name;
            jobs.Add(
                UseDevice(chip.SupportsDeviceMainTracegen)
                    ? TraceJob.OnDeviceKernels(
                        chip.Name, key, rows, chip.Width, (context, output) => chip.GenerateDeviceMainTrace(record, context, output),
                        context => chip.PrepareDeviceMainTrace(record, context), chip.DeviceOrder)
                    : chip.SupportsHostColumnTracegen
                        ? TraceJob.OnHostIntoDevice(
                            chip.Name, key, rows, chip.Width, (context, columns) => chip.GenerateMainTraceColumns(record, context, columns),
                            context => chip.PrepareMainTraceColumns(record, context), chip.DeviceOrder)
                        : TraceJob.OnHost(chip.Name, key, rows, chip.Width, output => chip.GenerateMainTrace(record, output)));
        }

        return (jobs, cluster);
    }

    private List<TraceJob> PlanPreprocessed(TProgram program)
    {
        var jobs = new List<TraceJob>();
        foreach (var chip in _machine.Chips)
        {
            if (chip.PreprocessedWidth == 0)
            {
                continue;
            }

            var rows = CheckHeight(chip.Name, chip.PreprocessedHeight(program));
            var key = PreprocessedKey + chip.Name;
            jobs.Add(UseDevice(chip.SupportsDevicePreprocessedTracegen)
                ? TraceJob.OnDeviceKernels(chip.Name, key, rows, chip.PreprocessedWidth, (context, output) => chip.GenerateDevicePreprocessedTrace(program, context.Stream, output))
                : TraceJob.OnHost(chip.Name, key, rows, chip.PreprocessedWidth, output => chip.GeneratePreprocessedTrace(program, output)));
        }

        return jobs;
    }

    private bool UseDevice(bool chipSupportsDevice) => chipSupportsDevice && Options.Backend != TraceBackend.Host;

    private int CheckHeight(string chip, int rows)
    {
        if (rows < 0)
        {
            throw new TraceGenerationException(chip, $"negative trace height {rows}", null);
        }

        return rows > (1L << Options.MaxLogRowCount) ? throw new TraceTooTallException(chip, rows, Options.MaxLogRowCount) : rows;
    }

    private async Task<(DeviceTraceSet Traces, ProverPermit Permit)> RunAsync(List<TraceJob> jobs, CancellationToken cancellationToken)
    {
        using var activity = TraceTelemetry.Source.StartActivity("generate-traces");
        activity?.SetTag("chips", jobs.Count);
        using var batch = TraceBatch.Start(jobs, cancellationToken);

        ProverPermit permit;
        try
        {
            using (TraceTelemetry.Source.StartActivity("permit-wait"))
            {
                permit = await _semaphore.AcquireAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        catch
        {
            await batch.AbandonAsync().ConfigureAwait(false);
            throw;
        }

        var traces = new DeviceTraceSet();
        try
        {
            await batch.RunDevicePhaseAsync(_accelerator, Options.MaxLogRowCount, traces).ConfigureAwait(false);
            return (traces, permit);
        }
        catch
        {
            traces.Dispose();
            permit.Dispose();
            throw;
        }
    }

    private sealed class NothingToDispose : IDisposable
    {
        public static readonly NothingToDispose Instance = new();

        public void Dispose()
        {
        }
    }
}
