using System.Collections.Concurrent;
using StarkGpu.Kernels.Counting;
using StarkGpu.Kernels.Host;
using StarkGpu.Kernels.Traces;
using StarkGpu.Rv32im.Chips.Alu;
using StarkGpu.Rv32im.Events;

namespace StarkGpu.Kernels.Tests.Host;

/// <summary>HostTraces.WriteColumns gives HostRows' row-major trace transposed, bit for bit, whatever the height, the workers and the trace's alignment.</summary>
public unsafe class WriteColumnsTests
{
    private static readonly int[] Heights = [0, 1, 15, 16, 17, 1000, 65536 + 5, 1 << 20];
    private static readonly ConcurrentDictionary<(string, int), object> Cache = new();

    private static IEnumerable<TestCaseData> Cases()
    {
        foreach (var height in Heights)
        {
            foreach (var workers in new[] { 1, 2, 3 })
            {
                foreach (var offset in new[] { 0, 5 })
                {
                    yield return new TestCaseData(height, workers, offset).SetArgDisplayNames($"h={height}", $"w={workers}", $"off={offset}");
                }
            }
        }
    }

    [TestCaseSource(nameof(Cases))]
    public void AddSubMatchesRowMajorTransposed(int height, int workers, int offset)
    {
        var (events, expected) = Fixture<AddSubRow, AluEvent>("addsub", height, Events.AddSub);
        AssertColumns<AddSubRow, AluEvent>(events, expected, height, workers, offset);
    }

    [TestCaseSource(nameof(Cases))]
    public void ProbeMatchesRowMajorTransposed(int height, int workers, int offset)
    {
        var (events, expected) = Fixture<ProbeRow, ProbeEvent>("probe", height, Events.Probe);
        AssertColumns<ProbeRow, ProbeEvent>(events, expected, height, workers, offset);
    }

    [Test]
    public void WritesOnlyTheFirstHeightEvents()
    {
        var events = Events.AddSub(1000, 7);
        var (expected, _) = Reference.Columns<AddSubRow, AluEvent>(events.AsSpan(0, 600));
        using var buffer = new TraceBuffer((long)AddSubRow.Width * 600, 3);
        Assert.That(HostTraces.WriteColumns<AddSubRow, AluEvent>(events, buffer.Trace, 600, 2), Is.EqualTo(-1));
        Assert.That(Reference.FirstDifference(buffer.Words, expected), Is.EqualTo(-1));
        Assert.That(buffer.GuardsIntact(), Is.True);
    }

    [Test]
    public void RejectsTooFewEventsAndNoWorkers()
    {
        var events = Events.AddSub(10, 1);
        using var buffer = new TraceBuffer((long)AddSubRow.Width * 11, 0);
        Assert.Throws<ArgumentException>(() => HostTraces.WriteColumns<AddSubRow, AluEvent>(events, buffer.Trace, 11));
        Assert.Throws<ArgumentException>(() => HostTraces.WriteColumns<AddSubRow, AluEvent, NoCounters>(events, buffer.Trace, 10, ReadOnlySpan<NoCounters>.Empty));
    }

    private static void AssertColumns<TWriter, TEvent>(TEvent[] events, uint[] expected, int height, int workers, int offset)
        where TWriter : struct, IRowWriter<TEvent>
        where TEvent : unmanaged
    {
        using var buffer = new TraceBuffer((long)TWriter.Width * height, offset);
        var bad = HostTraces.WriteColumns<TWriter, TEvent>(events, buffer.Trace, height, workers);
        Assert.That(bad, Is.EqualTo(-1));
        var difference = Reference.FirstDifference(buffer.Words, expected);
        Assert.That(difference, Is.EqualTo(-1), () => $"cell {difference} (column {difference / Math.Max(1, height)}, row {difference % Math.Max(1, height)}) differs");
        Assert.That(buffer.GuardsIntact(), Is.True, "a store fell outside the trace");
    }

    private static (TEvent[] Events, uint[] Expected) Fixture<TWriter, TEvent>(string name, int height, Func<int, int, TEvent[]> make)
        where TWriter : struct, IRowWriter<TEvent>
        where TEvent : unmanaged =>
        ((TEvent[], uint[]))Cache.GetOrAdd((name, height), _ =>
        {
            var events = make(height, height + 11);
            var (expected, bad) = Reference.Columns<TWriter, TEvent>(events);
            Assert.That(bad, Is.EqualTo(-1));
            return (events, expected);
        });
}
