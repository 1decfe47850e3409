using StarkGpu.Rv32im.Elf;

namespace StarkGpu.Rv32im.Execution;

/// <summary>Runs RV32IM programs: the reference machine's executor.</summary>
public static class Executor
{
    /// <summary>
    /// Runs <paramref name="program"/> from its entry point with zeroed registers until HALT, keeping every shard's
    /// record in the result (recording mode). Throws <see cref="ExecutionException"/> when the guest misbehaves or
    /// exceeds the cycle limit. For long programs use <see cref="ExecuteStreaming"/>, whose memory does not grow
    /// with the number of shards.
    /// </summary>
    public static ExecutionResult Execute(Program program, ExecutionOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(program);
        options ??= new ExecutionOptions();
        options.Validate();
        var state = new MachineState(program, options);
        if (options.Mode == ExecutionMode.Fast)
        {
            new Interpreter<FastTracer>(state, default).Run();
            return new ExecutionResult(state.ExitCode, state.Cycles, options.ShardSize, [], state);
        }

        var shards = new ShardList();
        try
        {
            Record(state, options.ShardSize, shards);
        }
        catch
        {
            shards.DisposeAll();
            throw;
        }

        return new ExecutionResult(state.ExitCode, state.Cycles, options.ShardSize, shards.Records, state);
    }

    /// <summary>
    /// Starts <paramref name="program"/> on a thread of its own and hands each shard's record to the returned
    /// stream as soon as the shard closes; at most <paramref name="shardsInFlight"/> records exist at once (the one
    /// being recorded included), so the executor waits while the consumer has not disposed enough of them.
    /// <paramref name="options"/>' mode is ignored: a stream always records.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="shardsInFlight"/> is below 1.</exception>
    public static ShardStream ExecuteStreaming(Program program, ExecutionOptions options, int shardsInFlight, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(program);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(shardsInFlight, 1);
        options.Validate();
        return new ShardStream(sink =>
        {
            var state = new MachineState(program, options);
            Record(state, options.ShardSize, sink);
            return new ExecutionResult(state.ExitCode, state.Cycles, options.ShardSize, [], state);
        }, shardsInFlight, cancellationToken);
    }

    /// <summary>Runs in recording mode, every closed shard to <paramref name="sink"/>.</summary>
    private static void Record(MachineState state, int shardSize, IShardSink sink)
    {
        var recorder = new ShardRecorder(state, shardSize, sink);
        try
        {
            new Interpreter<RecordingTracer>(state, new RecordingTracer(recorder)).Run();
            recorder.Finish();
        }
        catch
        {
            recorder.DisposeOpen();
            throw;
        }
    }
}
