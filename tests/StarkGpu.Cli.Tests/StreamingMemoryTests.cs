using System.Diagnostics;
using System.Text.Json;

namespace StarkGpu.Cli.Tests;

/// <summary>
/// Issue 13's bounded memory: `trace` streams shards through the pipeline, so with two shards in flight a hash
/// chain four times as long (24 M against 6 M cycles) peaks at about the same resident memory. Each run is a fresh
/// process (the peak is the process's VmHWM), on the host backend.
/// </summary>
[NonParallelizable]
public sealed class StreamingMemoryTests
{
    private const int CyclesPerLink = 5987; // hash_chain: one SHA-256 block per link

    [Test]
    [CancelAfter(600_000)]
    public void PeakMemoryDoesNotGrowWithTheCycleCount()
    {
        var shorter = Trace(links: 1000);
        var longer = Trace(links: 4000);

        Assert.That(longer.Cycles, Is.GreaterThan(20_000_000UL));
        Assert.That(longer.Shards, Is.GreaterThanOrEqualTo(4 * shorter.Shards - 1));
        // Were records kept, the longer run would hold 23 shards of about 108 MB of events against 6.
        Assert.That(longer.PeakBytes, Is.LessThan(1.5 * shorter.PeakBytes), $"peaks {shorter.PeakBytes:N0} and {longer.PeakBytes:N0} bytes");
        Assert.That(longer.OverlapSeconds, Is.GreaterThan(0), "executing a shard overlaps tracing the one before");
    }

    private static (ulong Cycles, int Shards, long PeakBytes, double OverlapSeconds) Trace(uint links)
    {
        var scratch = Directory.CreateTempSubdirectory("stark-gpu-streaming-");
        try
        {
            var hint = Path.Combine(scratch.FullName, "links");
            File.WriteAllBytes(hint, BitConverter.GetBytes(links));
            var json = Path.Combine(scratch.FullName, "report.json");
            var start = new ProcessStartInfo(Path.Combine(AppContext.BaseDirectory, "stark-gpu"))
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            foreach (var arg in new[] { "trace", RepoPaths.GuestElf("hash_chain"), "--hint", hint, "--backend", "host", "--shards-in-flight", "2", "--json", json })
            {
                start.ArgumentList.Add(arg);
            }

            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEnd();
            process.WaitForExit();
            Assert.That(process.ExitCode, Is.Zero, $"{output.Result}\n{error}");

            using var report = JsonDocument.Parse(File.ReadAllText(json));
            var root = report.RootElement;
            Assert.That(root.GetProperty("cycles").GetUInt64(), Is.EqualTo(links * (ulong)CyclesPerLink).Within(links * 10UL));
            return (root.GetProperty("cycles").GetUInt64(), root.GetProperty("shards").GetInt32(),
                root.GetProperty("peakResidentBytes").GetInt64(), root.GetProperty("pipeline").GetProperty("overlapSeconds").GetDouble());
        }
        finally
        {
            scratch.Delete(recursive: true);
        }
    }
}
