using StarkGpu.Device;
using StarkGpu.Device.SelfTest;

namespace StarkGpu.Device.Tests.Core;

/// <summary>Runs the device layer's self-test cases on the CPU backend, each with a fresh seed.</summary>
[TestFixture]
public sealed class DeviceLayerCheckTests
{
    private static IEnumerable<SelfTestCase> Cases => DeviceLayerChecks.All;

    [TestCaseSource(nameof(Cases))]
    public void PassesOnCpuBackend(SelfTestCase check)
    {
        using var accelerator = Accelerators.Cpu();
        var seed = TestContext.CurrentContext.Random.Next();
        var result = SelfTestRunner.RunOne(check, accelerator, seed);
        Assert.That(result.Passed, Is.True, $"{result.Name} (seed {seed}): {result.Detail}");
        Assert.That(accelerator.Ledger.LiveBytes, Is.Zero);
    }

    [Test]
    public void RunnerReportsAFailingCase()
    {
        using var accelerator = Accelerators.Cpu();
        var result = SelfTestRunner.RunOne(new LeakingCase(), accelerator, 1);
        Assert.That(result.Passed, Is.False);
        Assert.That(result.Detail, Does.Contain("40 device bytes still live"));
    }

    /// <summary>A case that forgets to free a buffer: the runner must catch the leak.</summary>
    private sealed class LeakingCase : SelfTestCase
    {
        public override string Name => "leaks";

        public override string Run(Accelerator accelerator, int seed)
        {
            _ = accelerator.DefaultStream.Allocate<uint>(10);
            return "allocated";
        }
    }
}
