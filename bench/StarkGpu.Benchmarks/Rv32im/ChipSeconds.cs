using StarkGpu.Engine.Scheduling;

namespace StarkGpu.Benchmarks.Rv32im;

/// <summary>Each chip's trace generation time summed over a run's shards, averaged over the runs: where a run's time goes.</summary>
internal sealed class ChipSeconds
{
    private readonly SortedDictionary<string, double> _seconds = new(StringComparer.Ordinal);
    private int _runs;

    public void NextRun() => _runs++;

    public void Add(IEnumerable<ChipTraceReport> reports)
    {
        foreach (var report in reports)
        {
            _seconds[report.Chip] = _seconds.GetValueOrDefault(report.Chip) + report.Seconds;
        }
    }

    public void Print(string what)
    {
        if (_runs > 0)
        {
            Console.WriteLine($"// per chip, {what}, mean of {_runs} runs (ms): " + string.Join(", ", _seconds.Select(p => $"{p.Key} {p.Value * 1e3 / _runs:F1}")));
        }
    }
}
