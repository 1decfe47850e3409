using StarkGpu.Device.SelfTest;

namespace StarkGpu.Engine.SelfTest;

/// <summary>Every engine scenario, on the host backend and on the device backend.</summary>
public static class EngineScenarios
{
    public static IReadOnlyList<SelfTestCase> All { get; } =
    [
        .. ForBoth(onHost => new TracesMatchHostScenario(onHost)),
        .. ForBoth(onHost => new HostChipThrowsScenario(onHost)),
        new KernelFailsScenario(),
        new OutOfMemoryScenario(),
        .. ForBoth(onHost => new TooTallScenario(onHost)),
        .. ForBoth(onHost => new CancelDuringGenerationScenario(onHost)),
        .. ForBoth(onHost => new CancelWhileWaitingForPermitScenario(onHost)),
        .. ForBoth(onHost => new ConcurrentProversScenario(onHost)),
    ];

    private static SelfTestCase[] ForBoth(Func<bool, SelfTestCase> create) => [create(true), create(false)];
}
