using StarkGpu.Device;
using StarkGpu.Device.SelfTest;
using StarkGpu.Engine.Chips;
using StarkGpu.Engine.Machines;
using StarkGpu.Engine.Scheduling;
using StarkGpu.Engine.SelfTest.Toy;

namespace StarkGpu.Engine.SelfTest;

/// <summary>
/// A trace-generation scenario on the toy machine, run by <c>stark-gpu selftest</c> on any backend and
/// by the NUnit suite on the host and CPU backends. Whatever the scenario does, afterwards the
/// accelerator's ledger must be back where it started and every permit free.
/// </summary>
public abstract class EngineScenario(string name, bool onHost) : SelfTestCase
{
    /// <summary>True: every chip on the host (backend <c>host</c>); false: device chips by kernels.</summary>
    public bool OnHost => onHost;

    public override string Name => $"engine.{name} [{(onHost ? "host" : "device")}]";

    /// <summary>Permits of the scenario's semaphore.</summary>
    protected virtual int Permits => 1;

    public sealed override string Run(Accelerator accelerator, int seed)
    {
        using var semaphore = new ProverSemaphore(Permits);
        var liveBefore = accelerator.Ledger.LiveBytes;
        var backend = onHost ? TraceBackend.Host : accelerator.Kind == AcceleratorKind.Cuda ? TraceBackend.Cuda : TraceBackend.Cpu;
        var detail = Execute(new ScenarioContext(accelerator, backend, semaphore, new Random(seed)));
        Check(accelerator.Ledger.LiveBytes == liveBefore, $"{accelerator.Ledger.LiveBytes - liveBefore:N0} device bytes still live after the scenario");
        Check(semaphore.Available == semaphore.Permits, $"{semaphore.Permits - semaphore.Available} permits still held after the scenario");
        return detail;
    }

    /// <summary>Runs the scenario; returns a detail line, throws <see cref="SelfTestFailureException"/> on a failed expectation.</summary>
    protected abstract string Execute(ScenarioContext context);

    protected static void Check(bool condition, string failure)
    {
        if (!condition)
        {
            throw new SelfTestFailureException(failure);
        }
    }

    /// <summary>Runs <paramref name="call"/>, which must fail with <typeparamref name="TException"/>; returns it.</summary>
    protected static TException Expect<TException>(Func<Task> call) where TException : Exception
    {
        try
        {
            call().GetAwaiter().GetResult();
        }
        catch (TException expected)
        {
            return expected;
        }
        catch (Exception other)
        {
            throw new SelfTestFailureException($"expected {typeof(TException).Name}, got {other.GetType().Name}: {other.Message}", other);
        }

        throw new SelfTestFailureException($"expected {typeof(TException).Name}, but the call succeeded");
    }

    /// <summary>A failure must name the chip, in its <see cref="TraceGenerationException.ChipName"/> and its message.</summary>
    protected static void CheckNamesChip(TraceGenerationException failure, string chip)
    {
        Check(failure.ChipName == chip, $"the failure names chip '{failure.ChipName}', expected '{chip}': {failure.Message}");
        Check(failure.Message.Contains(chip, StringComparison.Ordinal), $"the message does not name chip {chip}: {failure.Message}");
    }
}

/// <summary>What a scenario runs with.</summary>
public sealed record ScenarioContext(Accelerator Accelerator, TraceBackend Backend, ProverSemaphore Semaphore, Random Random)
{
    /// <summary>A trace generator over the toy machine, its chips decorated by <paramref name="decorate"/>.</summary>
    public TraceGenerator<ToyRecord, ToyProgram> Generator(
        Func<Chip<ToyRecord, ToyProgram>, Chip<ToyRecord, ToyProgram>>? decorate = null, int maxLogRowCount = 12, IEnumerable<Cluster>? clusters = null) =>
        new(ToyMachines.Create(decorate, clusters), Accelerator, Semaphore, new TraceGeneratorOptions { Backend = Backend, MaxLogRowCount = maxLogRowCount });

    /// <summary>One shard that squares and accumulates 1..<paramref name="maxCount"/> random bytes.</summary>
    public ToyRecord RandomRecord(int maxCount = 300)
    {
        var bytes = new uint[Random.Next(1, maxCount + 1)];
        for (var i = 0; i < bytes.Length; i++)
        {
            bytes[i] = (uint)Random.Next(256);
        }

        return ToyMachines.OneShard(bytes);
    }

    /// <summary>Decorates the chip named <paramref name="chip"/> with <paramref name="fault"/>.</summary>
    public static Func<Chip<ToyRecord, ToyProgram>, Chip<ToyRecord, ToyProgram>> Fault(string chip, ChipFault fault, CancellationToken blockUntil = default) =>
        c => c.Name == chip ? new FaultyChip<ToyRecord, ToyProgram>(c, fault, blockUntil) : c;
}
