using StarkGpu.Device;
using StarkGpu.Engine.Scheduling;

namespace StarkGpu.Engine.SelfTest;

/// <summary>A host-only chip throws: the call fails naming it, and the device chips' work is undone.</summary>
public sealed class HostChipThrowsScenario(bool onHost) : EngineScenario("host-chip-throws", onHost)
{
    protected override string Execute(ScenarioContext context)
    {
        var generator = context.Generator(ScenarioContext.Fault("Accumulate", ChipFault.HostThrows));
        var failure = Expect<TraceGenerationException>(() => generator.GenerateMainTracesAsync(context.RandomRecord()));
        CheckNamesChip(failure, "Accumulate");
        Check(failure.InnerException is InvalidOperationException, "the chip's own exception is not the inner exception");
        return failure.Message;
    }
}

/// <summary>A device chip's kernel launch fails: the call fails naming the chip.</summary>
public sealed class KernelFailsScenario() : EngineScenario("kernel-fails", onHost: false)
{
    protected override string Execute(ScenarioContext context)
    {
        var generator = context.Generator(ScenarioContext.Fault("Square", ChipFault.KernelFails));
        var failure = Expect<TraceGenerationException>(() => generator.GenerateMainTracesAsync(context.RandomRecord()));
        CheckNamesChip(failure, "Square");
        Check(failure.InnerException is DeviceException, $"inner exception is {failure.InnerException?.GetType().Name}, expected a DeviceException");
        return failure.Message;
    }
}

/// <summary>A device trace larger than the device: a clear out-of-memory error naming the chip and both sizes.</summary>
public sealed class OutOfMemoryScenario() : EngineScenario("out-of-memory", onHost: false)
{
    protected override string Execute(ScenarioContext context)
    {
        var generator = context.Generator(ScenarioContext.Fault("Square", ChipFault.HugeDeviceTrace));
        var failure = Expect<TraceGenerationException>(() => generator.GenerateMainTracesAsync(context.RandomRecord()));
        CheckNamesChip(failure, "Square");
        var oom = failure.InnerException as DeviceOutOfMemoryException;
        Check(oom is not null, $"inner exception is {failure.InnerException?.GetType().Name}, expected DeviceOutOfMemoryException");
        Check(oom!.RequestedBytes > oom.AvailableBytes, $"requested {oom.RequestedBytes:N0} bytes but {oom.AvailableBytes:N0} were said to be available");
        Check(failure.Message.Contains("requested", StringComparison.Ordinal) && failure.Message.Contains("available", StringComparison.Ordinal), $"message lacks the sizes: {failure.Message}");
        return failure.Message;
    }
}

/// <summary>A trace taller than 2^maxLogRowCount is rejected before anything is allocated.</summary>
public sealed class TooTallScenario(bool onHost) : EngineScenario("too-tall", onHost)
{
    protected override string Execute(ScenarioContext context)
    {
        var generator = context.Generator(maxLogRowCount: 3);
        var record = context.RandomRecord();
        while (record.Squares.Count <= 8)
        {
            record = context.RandomRecord();
        }

        var ledger = context.Accelerator.Ledger;
        ledger.ResetPeak();
        var peakBefore = ledger.PeakBytes;
        var failure = Expect<TraceTooTallException>(() => generator.GenerateMainTracesAsync(record));
        Check(failure.ChipName is "Accumulate" or "ByteTable" or "Square", $"the failure names no chip of the record: {failure.Message}");
        Check(ledger.PeakBytes == peakBefore, "device memory was allocated before the height check");
        Check(context.Semaphore.Available == context.Semaphore.Permits, "a permit was taken before the height check");
        return failure.Message;
    }
}
