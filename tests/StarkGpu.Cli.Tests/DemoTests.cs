namespace StarkGpu.Cli.Tests;

/// <summary>The README's main command, `stark-gpu demo`: the embedded guest traced on the cpu backend, every check passing.</summary>
[NonParallelizable]
public sealed class DemoTests
{
    [Test]
    [CancelAfter(600_000)]
    public void TheDemoTracesAndPassesItsChecks()
    {
        var (code, output, error) = InProcessCli.Run(["demo"]);
        Assert.That(code, Is.Zero, $"stdout: {output}\nstderr: {error}");
        Assert.That(output, Does.Contain("exit code 0"));
        Assert.That(output, Does.Contain("check: constraints pass, buses pass, public values chain pass"));
        Assert.That(output, Does.Contain("peak resident memory"));
    }
}
