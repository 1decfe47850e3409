using System.Buffers;
using System.Diagnostics;
using System.Threading.Channels;
using CommunityToolkit.HighPerformance;
using StarkGpu.Device;
using StarkGpu.Device.Layout;
using StarkGpu.Engine.Chips;
using StarkGpu.Fields;

namespace StarkGpu.Engine.Scheduling;

/// <summary>
/// Runs one call's trace jobs in the shape of DESIGN.md section 2. <see cref="Start"/> begins the host
/// jobs on the thread pool at once (no device memory yet); each finished host trace waits in a channel.
/// After the caller holds a permit, <see cref="RunDevicePhaseAsync"/> drains the channel into device
/// copies (transposed to column-major) while the device jobs run their kernels on a second stream.
/// The first failure cancels everything else; every buffer of the call is then freed before the
/// failure, which names its chip, is thrown.
/// </summary>
internal sealed class TraceBatch : IDisposable
{
    private readonly TraceJob[] _deviceJobs;
    private readonly TraceJob[] _intoDeviceJobs;
    private readonly CancellationTokenSource _cancel;
    private readonly CancellationToken _callerToken;
    private readonly Channel<FinishedHostTrace> _finished = Channel.CreateUnbounded<FinishedHostTrace>(
        new UnboundedChannelOptions { SingleReader = true });

    private readonly Task _hostPhase;
    private Exception? _firstFailure;

    private TraceBatch(List<TraceJob> jobs, CancellationToken callerToken)
    {
        _callerToken = callerToken;
        _cancel = CancellationTokenSource.CreateLinkedTokenSource(callerToken);
        _deviceJobs = [.. jobs.Where(j => j.OnDevice).OrderBy(j => j.Order)]; // stable: planned order within an order
        _intoDeviceJobs = [.. jobs.Where(j => j.IntoDevice).OrderBy(j => j.Order)];
        var hostJobs = jobs.Where(j => j.Host is not null).ToArray();

        var parent = Activity.Current;
        var hostActivity = TraceTelemetry.Source.StartActivity("host-phase");
        Activity.Current = parent;
        hostActivity?.SetTag("chips", hostJobs.Length);
        _hostPhase = Task.WhenAll(hostJobs.Select(job => Task.Run(() => RunHostJob(job, hostActivity))))
            .ContinueWith(
                _ =>
                {
                    hostActivity?.Dispose();
                    _finished.Writer.TryComplete();
                },
                CancellationToken.None,
                TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default);
    }

    private readonly record struct FinishedHostTrace(TraceJob Job, KoalaBear[] Rows, double Seconds);

    /// <summary>Starts the host jobs; touches no device memory.</summary>
    public static TraceBatch Start(List<TraceJob> jobs, CancellationToken cancellationToken) => new(jobs, cancellationToken);

    /// <summary>
    /// Copies host traces to the device as they finish while device jobs run; returns when every trace
    /// is on the device. On failure or cancellation frees everything it made and throws.
    /// </summary>
    public async Task RunDevicePhaseAsync(Accelerator accelerator, int maxLogRowCount, DeviceTraceSet output)
    {
        var copies = Task.Run(() => CopyHostTracesAsync(accelerator, maxLogRowCount, output));
        var kernels = Task.Run(() => RunDeviceJobs(accelerator, maxLogRowCount, output));
        var intoDevice = Task.Run(() => RunIntoDeviceJobs(accelerator, maxLogRowCount, output));
        await WhenAllQuietly(copies, kernels, intoDevice, _hostPhase).ConfigureAwait(false);
        ThrowIfFailedOrCancelled();
    }

    /// <summary>Abandons the call before the device phase (e.g. the permit wait was cancelled): stops and drains the host jobs.</summary>
    public async Task AbandonAsync()
    {
        await _cancel.CancelAsync().ConfigureAwait(false);
        await WhenAllQuietly(_hostPhase).ConfigureAwait(false);
        while (_finished.Reader.TryRead(out var orphan))
        {
            ArrayPool<KoalaBear>.Shared.Return(orphan.Rows);
        }
    }

    private void RunHostJob(TraceJob job, Activity? phase)
    {
        if (_cancel.IsCancellationRequested)
        {
            return;
        }

        using var activity = TraceTelemetry.Source.StartActivity("host " + job.Chip, ActivityKind.Internal, phase?.Context ?? default);
        var clock = Stopwatch.StartNew();
        var length = checked((int)job.Elements);
        KoalaBear[]? rows = ArrayPool<KoalaBear>.Shared.Rent(length);
        try
        {
            Array.Clear(rows, 0, length);
            job.Host!(new Span2D<KoalaBear>(rows, 0, job.Rows, job.Width, 0));
            if (_finished.Writer.TryWrite(new FinishedHostTrace(job, rows, clock.Elapsed.TotalSeconds)))
            {
                rows = null;
            }
        }
        catch (Exception e) when (e is not OperationCanceledException || !_cancel.IsCancellationRequested)
        {
            Fail(new TraceGenerationException(job.Chip, $"host trace generation failed: {e.Message}", e));
        }
        finally
        {
            if (rows is not null)
            {
                ArrayPool<KoalaBear>.Shared.Return(rows);
            }
        }
    }

    private async Task CopyHostTracesAsync(Accelerator accelerator, int maxLogRowCount, DeviceTraceSet output)
    {
        var stream = accelerator.CreateStream();
        output.AddStream(stream);
        await foreach (var finished in _finished.Reader.ReadAllAsync(CancellationToken.None).ConfigureAwait(false))
        {
            try
            {
                if (_cancel.IsCancellationRequested)
                {
                    continue; // keep draining so every pooled buffer goes back
                }

                using var activity = TraceTelemetry.Source.StartActivity("copy " + finished.Job.Chip);
                var clock = Stopwatch.StartNew();
                var trace = UploadTransposed(stream, finished.Job, finished.Rows);
                Deliver(output, finished.Job, trace, maxLogRowCount, "host", finished.Seconds + clock.Elapsed.TotalSeconds);
            }
            catch (Exception e)
            {
                Fail(new TraceGenerationException(finished.Job.Chip, $"copying the host trace to the device failed: {e.Message}", e));
            }
            finally
            {
                ArrayPool<KoalaBear>.Shared.Return(finished.Rows);
            }
        }
    }

    /// <summary>
    /// A finished row-major host trace as a device trace: where device memory is host memory (the CPU backend) the
    /// host transposes straight into it; elsewhere it is uploaded and transposed by a kernel.
    /// </summary>
    private static unsafe DeviceMle<KoalaBear> UploadTransposed(DeviceStream stream, TraceJob job, KoalaBear[] rows)
    {
        var source = rows.AsSpan(0, (int)job.Elements);
        var columns = stream.Allocate<KoalaBear>(job.Elements);
        try
        {
            if (stream.Accelerator.MemoryIsHostAddressable)
            {
                HostLayout.RowsToColumns(source, job.Rows, job.Width, new Span<KoalaBear>(columns.HostPointer, (int)job.Elements));
            }
            else
            {
                using var staging = stream.Upload<KoalaBear>(source);
                DeviceTranspose.RowsToColumns(stream, staging, columns, job.Rows, job.Width);
                stream.Synchronize();
            }

            return new DeviceMle<KoalaBear>(columns, job.Width, job.Rows);
        }
        catch
        {
            columns.Dispose();
            throw;
        }
    }

    /// <summary>
    /// The host backend's column-major jobs, after the permit: each writes its trace straight into its device buffer
    /// where device memory is host memory, or into page-locked staging that is then copied up. One job at a time (in
    /// <see cref="TraceJob.Order"/>, so consumers of host scratch run after its producers), each in parallel over the cores.
    /// </summary>
    private unsafe void RunIntoDeviceJobs(Accelerator accelerator, int maxLogRowCount, DeviceTraceSet output)
    {
        if (_intoDeviceJobs.Length == 0)
        {
            return;
        }

        var stream = accelerator.CreateStream();
        output.AddStream(stream);
        using var context = new DeviceTraceContext(stream); // host scratch of the column jobs, freed however the loop ends
        if (!PrepareAll(_intoDeviceJobs, context, "host"))
        {
            return;
        }

        foreach (var job in _intoDeviceJobs)
        {
            if (_cancel.IsCancellationRequested)
            {
                return;
            }

            using var activity = TraceTelemetry.Source.StartActivity("host " + job.Chip);
            var clock = Stopwatch.StartNew();
            DeviceBuffer<KoalaBear>? storage = null;
            try
            {
                storage = stream.Allocate<KoalaBear>(job.Elements);
                var cells = checked((int)job.Elements);
                if (accelerator.MemoryIsHostAddressable)
                {
                    job.Columns!(context, new Span<KoalaBear>(storage.HostPointer, cells));
                }
                else
                {
                    using var staging = accelerator.AllocatePinned<KoalaBear>(job.Elements);
                    job.Columns!(context, staging.Span);
                    stream.CopyToDeviceAsync(staging, job.Elements, storage);
                    stream.Synchronize();
                }

                var trace = new DeviceMle<KoalaBear>(storage, job.Width, job.Rows);
                storage = null;
                Deliver(output, job, trace, maxLogRowCount, "host", clock.Elapsed.TotalSeconds);
            }
            catch (Exception e)
            {
                Fail(new TraceGenerationException(job.Chip, $"host trace generation failed: {e.Message}", e));
                return;
            }
            finally
            {
                storage?.Dispose();
            }
        }
    }

    private void RunDeviceJobs(Accelerator accelerator, int maxLogRowCount, DeviceTraceSet output)
    {
        if (_deviceJobs.Length == 0)
        {
            return;
        }

        var stream = accelerator.CreateStream();
        output.AddStream(stream);
        using var context = new DeviceTraceContext(stream); // its scratch is freed however the loop ends
        if (!PrepareAll(_deviceJobs, context, "device"))
        {
            return;
        }

        foreach (var job in _deviceJobs)
        {
            if (_cancel.IsCancellationRequested)
            {
                return;
            }

            using var activity = TraceTelemetry.Source.StartActivity("device " + job.Chip);
            var clock = Stopwatch.StartNew();
            DeviceBuffer<KoalaBear>? storage = null;
            try
            {
                storage = stream.Allocate<KoalaBear>(job.Elements);
                var trace = new DeviceMle<KoalaBear>(storage, job.Width, job.Rows);
                job.Device!(context, trace);
                stream.Synchronize();
                storage = null;
                Deliver(output, job, trace, maxLogRowCount, accelerator.Kind.ToString().ToLowerInvariant(), clock.Elapsed.TotalSeconds);
            }
            catch (Exception e)
            {
                Fail(new TraceGenerationException(job.Chip, $"device trace generation failed: {e.Message}", e));
                return;
            }
            finally
            {
                storage?.Dispose();
            }
        }
    }

    /// <summary>Lets every job of a kind add its scratch before any runs; false (after <see cref="Fail"/>) when one threw.</summary>
    private bool PrepareAll(TraceJob[] jobs, DeviceTraceContext context, string kind)
    {
        foreach (var job in jobs)
        {
            try
            {
                job.Prepare?.Invoke(context);
            }
            catch (Exception e)
            {
                Fail(new TraceGenerationException(job.Chip, $"preparing {kind} trace generation failed: {e.Message}", e));
                return false;
            }
        }

        return true;
    }

    private static void Deliver(DeviceTraceSet output, TraceJob job, DeviceMle<KoalaBear> trace, int maxLogRowCount, string backend, double seconds)
    {
        output.Add(job.Key, PaddedMle<KoalaBear>.Of(trace, maxLogRowCount), new ChipTraceReport(job.Key, job.Rows, job.Width, backend, seconds));
        TraceTelemetry.Record(job.Chip, job.Rows, job.Elements * sizeof(uint), backend);
    }

    private void Fail(Exception failure)
    {
        Interlocked.CompareExchange(ref _firstFailure, failure, null);
        _cancel.Cancel();
    }

    private void ThrowIfFailedOrCancelled()
    {
        if (Volatile.Read(ref _firstFailure) is { } failure)
        {
            throw failure;
        }

        _callerToken.ThrowIfCancellationRequested();
    }

    private static async Task WhenAllQuietly(params Task[] tasks)
    {
        try
        {
            await Task.WhenAll(tasks).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // each task records its own failure through Fail; only completion matters here
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }

    public void Dispose() => _cancel.Dispose();
}
