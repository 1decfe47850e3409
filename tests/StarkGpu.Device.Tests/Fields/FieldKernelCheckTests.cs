using StarkGpu.Device.Cpu;
using StarkGpu.Device.SelfTest;

namespace StarkGpu.Device.Tests.Fields;

/// <summary>Runs every field kernel self-test on the CPU backend, with a fresh seed each run (printed for replay).</summary>
[TestFixture]
public sealed class FieldKernelCheckTests
{
    private CpuAccelerator _accelerator = null!;

    private static IEnumerable<SelfTestCase> Cases => FieldKernelChecks.All;

    [OneTimeSetUp]
    public void OpenAccelerator() => _accelerator = Accelerators.Cpu();

    [OneTimeTearDown]
    public void CloseAccelerator() => _accelerator.Dispose();

    [TestCaseSource(nameof(Cases))]
    public void PassesOnTheCpuBackend(SelfTestCase testCase)
    {
        var seed = TestContext.CurrentContext.Random.Next();
        TestContext.Out.WriteLine($"seed {seed}");

        var result = SelfTestRunner.RunOne(testCase, _accelerator, seed);

        Assert.That(result.Passed, Is.True, $"{result.Name} (seed {seed}): {result.Detail}");
        Assert.That(_accelerator.Ledger.LiveBytes, Is.Zero, "device bytes still live");
    }

    [Test]
    public void CaseNames_AreUnique() =>
        Assert.That(FieldKernelChecks.All.Select(c => c.Name), Is.Unique);
}
