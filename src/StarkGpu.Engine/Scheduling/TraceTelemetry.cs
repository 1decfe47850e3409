using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace StarkGpu.Engine.Scheduling;

/// <summary>
/// Spans and counters of trace generation. Listen with an ActivityListener / MeterListener (or
/// OpenTelemetry) on the source and meter named <see cref="Name"/>.
/// </summary>
public static class TraceTelemetry
{
    public const string Name = "StarkGpu.Engine";

    internal static readonly ActivitySource Source = new(Name);

    private static readonly Meter Meter = new(Name);

    internal static readonly Counter<long> Rows = Meter.CreateCounter<long>("stark_gpu.trace.rows", "rows", "Trace rows generated, per chip");

    internal static readonly Counter<long> Bytes = Meter.CreateCounter<long>("stark_gpu.trace.bytes", "bytes", "Trace bytes generated, per chip");

    internal static void Record(string chip, int rows, long bytes, string backend)
    {
        var chipTag = new KeyValuePair<string, object?>("chip", chip);
        var backendTag = new KeyValuePair<string, object?>("backend", backend);
        Rows.Add(rows, chipTag, backendTag);
        Bytes.Add(bytes, chipTag, backendTag);
    }
}
