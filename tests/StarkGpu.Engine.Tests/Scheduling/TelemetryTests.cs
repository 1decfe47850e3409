using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using StarkGpu.Device;
using StarkGpu.Engine.Scheduling;
using StarkGpu.Engine.SelfTest.Toy;

namespace StarkGpu.Engine.Tests.Scheduling;

/// <summary>Spans and counters of a trace generation call reach standard listeners.</summary>
[TestFixture]
public sealed class TelemetryTests
{
    [Test]
    public async Task CallEmitsPhaseAndChipSpansAndRowCounters()
    {
        var spans = new ConcurrentBag<string>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == TraceTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStopped = activity => spans.Add(activity.OperationName),
        };
        ActivitySource.AddActivityListener(listener);

        var rows = new ConcurrentDictionary<string, long>();
        using var meters = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == TraceTelemetry.Name)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        meters.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            if (instrument.Name == "stark_gpu.trace.rows")
            {
                foreach (var tag in tags)
                {
                    if (tag.Key == "chip")
                    {
                        rows.AddOrUpdate((string)tag.Value!, value, (_, old) => old + value);
                    }
                }
            }
        });
        meters.Start();

        using var accelerator = Accelerators.Cpu();
        using var semaphore = new ProverSemaphore();
        var generator = new TraceGenerator<ToyRecord, ToyProgram>(ToyMachines.Create(), accelerator, semaphore);
        using (await generator.GenerateMainTracesAsync(ToyMachines.OneShard(1, 2, 3, 4, 5)))
        {
        }

        Assert.That(spans, Is.SupersetOf(new[] { "generate-traces", "host-phase", "permit-wait", "host Accumulate", "copy Accumulate", "device Square" }));
        Assert.That(rows["Square"], Is.GreaterThanOrEqualTo(5));
        Assert.That(rows["Accumulate"], Is.GreaterThanOrEqualTo(5));
    }
}
