using StarkGpu.Device;
using StarkGpu.Fields;

namespace StarkGpu.Engine.Scheduling;

/// <summary>
/// The device traces of one call and the streams that allocated them (a buffer is freed in order on
/// its own stream, so the streams must outlive the traces). Disposing frees both, in that order.
/// </summary>
internal sealed class DeviceTraceSet : IDisposable
{
    private readonly List<DeviceStream> _streams = [];
    private readonly Dictionary<string, PaddedMle<KoalaBear>> _traces = new(StringComparer.Ordinal);
    private readonly List<ChipTraceReport> _reports = [];
    private readonly Lock _lock = new();

    public void AddStream(DeviceStream stream)
    {
        lock (_lock)
        {
            _streams.Add(stream);
        }
    }

    public void Add(string key, PaddedMle<KoalaBear> trace, ChipTraceReport report)
    {
        lock (_lock)
        {
            _traces.Add(key, trace);
            _reports.Add(report);
        }
    }

    /// <summary>The traces whose key starts with <paramref name="prefix"/>, keyed by the rest, in ordinal order.</summary>
    public SortedDictionary<string, PaddedMle<KoalaBear>> Traces(string prefix)
    {
        lock (_lock)
        {
            var selected = new SortedDictionary<string, PaddedMle<KoalaBear>>(StringComparer.Ordinal);
            foreach (var (key, trace) in _traces)
            {
                if (key.StartsWith(prefix, StringComparison.Ordinal))
                {
                    selected.Add(key[prefix.Length..], trace);
                }
            }

            return selected;
        }
    }

    /// <summary>Reports in ordinal chip order (deterministic whatever the completion order).</summary>
    public IReadOnlyList<ChipTraceReport> Reports(string prefix)
    {
        lock (_lock)
        {
            return [.. _reports.Where(r => r.Chip.StartsWith(prefix, StringComparison.Ordinal))
                .Select(r => r with { Chip = r.Chip[prefix.Length..] })
                .OrderBy(r => r.Chip, StringComparer.Ordinal)];
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            foreach (var trace in _traces.Values)
            {
                trace.Dispose();
            }

            _traces.Clear();
            foreach (var stream in _streams)
            {
                stream.Synchronize();
                stream.Dispose();
            }

            _streams.Clear();
        }
    }
}
