using System.Diagnostics;

namespace StarkGpu.Device.SelfTest;

/// <summary>The outcome of one self-test case.</summary>
public sealed record SelfTestResult(string Name, bool Passed, string Detail, TimeSpan Elapsed);

/// <summary>Runs self-test cases one after another and checks that each leaves no device memory behind.</summary>
public static class SelfTestRunner
{
    public static IEnumerable<SelfTestResult> Run(IEnumerable<SelfTestCase> cases, Accelerator accelerator, int seed)
    {
        foreach (var testCase in cases)
        {
            yield return RunOne(testCase, accelerator, seed);
        }
    }

    public static SelfTestResult RunOne(SelfTestCase testCase, Accelerator accelerator, int seed)
    {
        var liveBefore = accelerator.Ledger.LiveBytes;
        var clock = Stopwatch.StartNew();
        try
        {
            var detail = testCase.Run(accelerator, seed);
            var leaked = accelerator.Ledger.LiveBytes - liveBefore;
            return leaked == 0
                ? new SelfTestResult(testCase.Name, true, detail, clock.Elapsed)
                : new SelfTestResult(testCase.Name, false, $"{leaked:N0} device bytes still live afterwards", clock.Elapsed);
        }
#pragma warning disable CA1031 // a self-test reports every failure as a result row, whatever its type
        catch (Exception e)
#pragma warning restore CA1031
        {
            return new SelfTestResult(testCase.Name, false, $"{e.GetType().Name}: {e.Message}", clock.Elapsed);
        }
    }
}
