using System.Diagnostics;
using System.Threading.Channels;
using StarkGpu.Engine.Chips;

namespace StarkGpu.Engine.Scheduling;

/// <summary>How a <see cref="ShardPipeline"/> run spent its time.</summary>
/// <param name="Shards">Records traced.</param>
/// <param name="TracegenTime">Main-trace generation, summed over the shards.</param>
/// <param name="ConsumerTime">The caller's work on each shard's traces (commit, digest, check), summed.</param>
/// <param name="WaitingTime">Time spent waiting for the next record (the producer was behind).</param>
public sealed record ShardPipelineReport(int Shards, TimeSpan TracegenTime, TimeSpan ConsumerTime, TimeSpan WaitingTime)
{
    /// <summary>Time the pipeline's consumer side was busy with shards.</summary>
    public TimeSpan BusyTime => TracegenTime + ConsumerTime;
}

/// <summary>
/// Trace generation that takes records as a producer (an executor) yields them: each record's main traces are
/// generated, handed to the caller, and then the traces (device memory and prover permit) and the record are
/// disposed before the next record is read (the record too, when it is <see cref="IDisposable"/>). A producer that bounds its records in flight (as
/// <c>Executor.ExecuteStreaming</c> does) thereby bounds the memory of the whole run, and executing shard k+1
/// overlaps tracing shard k.
/// </summary>
public static class ShardPipeline
{
    /// <summary>
    /// Runs until <paramref name="records"/> completes. On an error (trace generation or <paramref name="consume"/>)
    /// the record in hand and its traces, permit included, are disposed and the error is thrown; the records not yet
    /// read stay with their producer.
    /// </summary>
    /// <param name="consume">Called with each record and its traces, in order; neither may be kept past the call.</param>
    public static async Task<ShardPipelineReport> RunAsync<TRecord, TProgram>(
        TraceGenerator<TRecord, TProgram> generator,
        ChannelReader<TRecord> records,
        Func<TRecord, MainTraceData, ValueTask> consume,
        CancellationToken cancellationToken = default)
        where TRecord : IExecutionRecord
    {
        ArgumentNullException.ThrowIfNull(generator);
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(consume);
        long tracegen = 0, consumer = 0, waiting = 0;
        var shards = 0;
        while (true)
        {
            var waitStart = Stopwatch.GetTimestamp();
            if (!records.TryRead(out var record))
            {
                if (!await records.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    break;
                }

                waiting += Stopwatch.GetTimestamp() - waitStart;
                continue;
            }

            try
            {
                var start = Stopwatch.GetTimestamp();
                using var traces = await generator.GenerateMainTracesAsync(record, cancellationToken).ConfigureAwait(false);
                var generated = Stopwatch.GetTimestamp();
                tracegen += generated - start;
                await consume(record, traces).ConfigureAwait(false);
                consumer += Stopwatch.GetTimestamp() - generated;
            }
            finally
            {
                (record as IDisposable)?.Dispose();
            }

            shards++;
        }

        return new ShardPipelineReport(shards, Ticks(tracegen), Ticks(consumer), Ticks(waiting));
    }

    private static TimeSpan Ticks(long stopwatchTicks) => Stopwatch.GetElapsedTime(0, stopwatchTicks);
}
