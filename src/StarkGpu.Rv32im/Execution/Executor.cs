using StarkGpu.Rv32im.Elf;

namespace StarkGpu.Rv32im.Execution;

/// <summary>Runs RV32IM programs: the reference machine's executor.</summary>
public static class Executor
{
    /// <summary>
    /// Runs <paramref name="program"/> from its entry point with zeroed registers until HALT.
    /// Throws <see cref="ExecutionException"/> when the guest misbehaves or exceeds the cycle limit.
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

        var recorder = new ShardRecorder(state, options.ShardSize);
        try
        {
            new Interpreter<RecordingTracer>(state, new RecordingTracer(recorder)).Run();
        }
        catch
        {
            recorder.DisposeAll();
            throw;
        }

        return new ExecutionResult(state.ExitCode, state.Cycles, options.ShardSize, recorder.Finish(), state);
    }
}
