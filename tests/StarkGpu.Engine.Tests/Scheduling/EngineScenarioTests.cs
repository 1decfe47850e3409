using StarkGpu.Device;
using StarkGpu.Device.SelfTest;
using StarkGpu.Engine.SelfTest;

namespace StarkGpu.Engine.Tests.Scheduling;

/// <summary>The engine scenarios (success and every failure path) on the host and CPU backends.</summary>
[TestFixture]
public sealed class EngineScenarioTests
{
    private static IEnumerable<SelfTestCase> Scenarios => EngineScenarios.All;

    [TestCaseSource(nameof(Scenarios))]
    public void ScenarioPasses(SelfTestCase scenario)
    {
        using var accelerator = Accelerators.Cpu();
        var seed = TestContext.CurrentContext.Random.Next();
        var result = SelfTestRunner.RunOne(scenario, accelerator, seed);
        Assert.That(result.Passed, Is.True, $"{result.Name} (seed {seed}): {result.Detail}");
        Assert.That(accelerator.Ledger.LiveBytes, Is.Zero);
    }

    [Test]
    public void EveryScenarioRunsOnBothBackendsWhereBothApply()
    {
        var names = EngineScenarios.All.Select(s => s.Name).ToList();
        Assert.That(names, Is.Unique);
        Assert.That(names.Count(n => n.EndsWith("[host]", StringComparison.Ordinal)), Is.EqualTo(6));
        Assert.That(names.Count(n => n.EndsWith("[device]", StringComparison.Ordinal)), Is.EqualTo(8));
    }
}
