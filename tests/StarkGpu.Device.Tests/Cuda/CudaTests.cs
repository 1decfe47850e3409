using StarkGpu.Device.SelfTest;

namespace StarkGpu.Device.Tests.Cuda;

/// <summary>The self-test cases on a CUDA GPU; skipped where there is none.</summary>
[TestFixture]
[Category("Cuda")]
public sealed class CudaTests
{
    private Accelerator? _gpu;

    private static IEnumerable<SelfTestCase> Cases => [.. DeviceLayerChecks.All, .. FieldKernelChecks.All];

    [OneTimeSetUp]
    public void OpenGpu()
    {
        try
        {
            _gpu = Accelerators.Cuda();
        }
        catch (DeviceException e)
        {
            _gpu = null;
            TestContext.Out.WriteLine(e.Message);
        }
    }

    [OneTimeTearDown]
    public void CloseGpu() => _gpu?.Dispose();

    [Test]
    public void WithoutAGpuOpeningFailsInOneSentence()
    {
        if (_gpu is not null)
        {
            Assert.Ignore($"a GPU is present: {_gpu.Name}");
        }

        var error = Assert.Throws<DeviceException>(() => Accelerators.Cuda());
        Assert.That(error!.Message, Does.Not.Contain("\n"));
        TestContext.Out.WriteLine(error.Message);
    }

    [Test]
    public void DescribeListsTheCpuAndSaysWhetherThereIsAGpu()
    {
        var lines = Accelerators.Describe();
        lines.ToList().ForEach(TestContext.Out.WriteLine);
        Assert.That(lines, Has.Some.StartsWith("CPU"));
        Assert.That(lines, Has.Some.StartsWith("Cuda"));
    }

    [TestCaseSource(nameof(Cases))]
    public void PassesOnTheGpu(SelfTestCase testCase)
    {
        if (_gpu is null)
        {
            Assert.Ignore("no CUDA GPU on this machine");
        }

        var seed = TestContext.CurrentContext.Random.Next();
        var result = SelfTestRunner.RunOne(testCase, _gpu, seed);
        Assert.That(result.Passed, Is.True, $"{result.Name} (seed {seed}): {result.Detail}");
        Assert.That(_gpu.Ledger.LiveBytes, Is.Zero);
    }
}
