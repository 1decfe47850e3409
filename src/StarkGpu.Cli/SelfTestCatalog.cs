using StarkGpu.Device.SelfTest;
using StarkGpu.Engine.SelfTest;

namespace StarkGpu.Cli;

/// <summary>Every self-test case the CLI runs, layer by layer.</summary>
internal static class SelfTestCatalog
{
    public static IReadOnlyList<SelfTestCase> All { get; } =
    [
        .. DeviceLayerChecks.All,
        .. FieldKernelChecks.All,
        .. EngineScenarios.All,
    ];
}
