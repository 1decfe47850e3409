namespace StarkGpu.Device.SelfTest;

/// <summary>The device layer's own self-test cases (memory, layout and counting kernels).</summary>
public static class DeviceLayerChecks
{
    public static IReadOnlyList<SelfTestCase> All { get; } =
    [
        new MemoryRoundTripCheck(),
        new OutOfMemoryCheck(),
        new TransposeCheck(1, 1),
        new TransposeCheck(17, 3),
        new TransposeCheck(1000, 37),
        new TransposeCheck(4096, 128),
        new TransposeCheck(33, 100),
        new TransposeCheck(0, 7),
        new SumSetsCheck(1, 1000),
        new SumSetsCheck(7, 65_536),
    ];
}
