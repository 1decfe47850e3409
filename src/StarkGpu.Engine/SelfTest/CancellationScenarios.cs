using StarkGpu.Engine.Scheduling;

namespace StarkGpu.Engine.SelfTest;

/// <summary>The caller cancels while a host chip is running: the call ends with cancellation, nothing left behind.</summary>
public sealed class CancelDuringGenerationScenario(bool onHost) : EngineScenario("cancel-during-generation", onHost)
{
    protected override string Execute(ScenarioContext context)
    {
        using var cancel = new CancellationTokenSource();
        var generator = context.Generator(ScenarioContext.Fault("Accumulate", ChipFault.HostBlocksUntilCancelled, cancel.Token));
        var call = generator.GenerateMainTracesAsync(context.RandomRecord(), cancel.Token);
        cancel.CancelAfter(TimeSpan.FromMilliseconds(50));
        Expect<OperationCanceledException>(() => call);
        return "cancelled after 50 ms while a host chip ran";
    }
}

/// <summary>The caller cancels while waiting for a permit that another prover holds.</summary>
public sealed class CancelWhileWaitingForPermitScenario(bool onHost) : EngineScenario("cancel-permit-wait", onHost)
{
    protected override string Execute(ScenarioContext context)
    {
        var generator = context.Generator();
        using var cancel = new CancellationTokenSource();
        Task<MainTraceData> call;
        using (context.Semaphore.AcquireAsync().GetAwaiter().GetResult())
        {
            call = generator.GenerateMainTracesAsync(context.RandomRecord(), cancel.Token);
            cancel.CancelAfter(TimeSpan.FromMilliseconds(50));
            Expect<OperationCanceledException>(() => call);
        }

        return "cancelled after 50 ms in the permit wait; host traces drained";
    }
}

/// <summary>Several provers contend for fewer permits: all finish, and never more permits are held than exist.</summary>
public sealed class ConcurrentProversScenario(bool onHost) : EngineScenario("concurrent-provers", onHost)
{
    private const int Provers = 6;

    protected override int Permits => 2;

    protected override string Execute(ScenarioContext context)
    {
        var generator = context.Generator();
        var records = Enumerable.Range(0, Provers).Select(_ => context.RandomRecord(100)).ToArray();
        var maxHeld = 0;
        var lockObject = new Lock();

        async Task<int> Prove(int index)
        {
            using var traces = await generator.GenerateMainTracesAsync(records[index]).ConfigureAwait(false);
            var held = context.Semaphore.Permits - context.Semaphore.Available;
            lock (lockObject)
            {
                maxHeld = Math.Max(maxHeld, held);
            }

            await Task.Delay(5).ConfigureAwait(false); // hold the traces a moment, as a prover would
            return traces.Traces.Count;
        }

        var provers = Enumerable.Range(0, Provers).Select(i => Task.Run(() => Prove(i))).ToArray();
        Check(Task.WaitAll(provers, TimeSpan.FromSeconds(60)), "the provers did not finish within 60 s (deadlock?)");
        Check(maxHeld <= context.Semaphore.Permits, $"{maxHeld} permits held at once, only {context.Semaphore.Permits} exist");
        return $"{Provers} provers on {context.Semaphore.Permits} permits, at most {maxHeld} held at once";
    }
}
