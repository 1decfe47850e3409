using System.Diagnostics;
using System.Threading.Channels;
using StarkGpu.Rv32im.Events;

namespace StarkGpu.Rv32im.Execution;

/// <summary>
/// A run whose shard records arrive while it executes (<see cref="Executor.ExecuteStreaming"/>): read them from
/// <see cref="Records"/> in shard order and dispose each one when its traces are done; that frees its slot, and
/// at most <see cref="ShardsInFlight"/> records exist at once, so memory is bounded whatever the program's length.
/// <see cref="Records"/> ends when the run ends; <see cref="Completion"/> then gives the result (no records in it)
/// or throws the run's error. Disposing the stream stops the executor at its next shard boundary and disposes the
/// records nobody read.
/// </summary>
public sealed class ShardStream : IDisposable
{
    private readonly Channel<ExecutionRecord> _records =
        Channel.CreateUnbounded<ExecutionRecord>(new UnboundedChannelOptions { SingleReader = false, SingleWriter = true });

    // Never disposed: a record released after the stream is disposed still returns its slot. SemaphoreSlim holds no
    // kernel handle unless AvailableWaitHandle is used.
    private readonly SemaphoreSlim _room;
    private readonly CancellationTokenSource _stop;
    private long _waitingTicks;
    private long _runningTicks;

    internal ShardStream(Func<IShardSink, ExecutionResult> run, int shardsInFlight, CancellationToken cancellationToken)
    {
        ShardsInFlight = shardsInFlight;
        _room = new SemaphoreSlim(shardsInFlight, shardsInFlight);
        _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        Completion = Task.Factory.StartNew(
            () => RunExecutor(run), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    /// <summary>The most records that exist at once, the one being recorded included.</summary>
    public int ShardsInFlight { get; }

    /// <summary>The shards' records, in order, as they close.</summary>
    public ChannelReader<ExecutionRecord> Records => _records.Reader;

    /// <summary>The run's result once it has halted (its <see cref="ExecutionResult.Shards"/> is empty), or its error.</summary>
    public Task<ExecutionResult> Completion { get; }

    /// <summary>Time the executor spent executing, its waits for a free slot excluded (final once <see cref="Completion"/> is done).</summary>
    public TimeSpan ExecutingTime => Stopwatch.GetElapsedTime(0, Interlocked.Read(ref _runningTicks) - Interlocked.Read(ref _waitingTicks));

    /// <summary>Time the executor waited for the consumer to free a slot.</summary>
    public TimeSpan WaitingTime => Stopwatch.GetElapsedTime(0, Interlocked.Read(ref _waitingTicks));

    /// <inheritdoc/>
    public void Dispose()
    {
        _stop.Cancel();
        DisposeUnread();
        try
        {
            Completion.GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is OperationCanceledException or ExecutionException)
        {
            // Stopped on purpose, or failed: the caller who wanted the error awaited Completion.
        }

        DisposeUnread();
        _stop.Dispose();
    }

    private ExecutionResult RunExecutor(Func<IShardSink, ExecutionResult> run)
    {
        var start = Stopwatch.GetTimestamp();
        try
        {
            return run(new Sink(this));
        }
        finally
        {
            Interlocked.Exchange(ref _runningTicks, Stopwatch.GetTimestamp() - start);
            _records.Writer.Complete();
        }
    }

    private void DisposeUnread()
    {
        while (_records.Reader.TryRead(out var record))
        {
            record.Dispose();
        }
    }

    private sealed class Sink(ShardStream stream) : IShardSink
    {
        public void WaitForRoom(uint shard)
        {
            stream._stop.Token.ThrowIfCancellationRequested();
            if (stream._room.Wait(0))
            {
                return;
            }

            var start = Stopwatch.GetTimestamp();
            stream._room.Wait(stream._stop.Token);
            Interlocked.Add(ref stream._waitingTicks, Stopwatch.GetTimestamp() - start);
        }

        public void Emit(ExecutionRecord record)
        {
            record.OnRelease(() => stream._room.Release());
            if (!stream._records.Writer.TryWrite(record))
            {
                record.Dispose(); // unreachable while the executor runs: only it completes the writer
            }
        }
    }
}
