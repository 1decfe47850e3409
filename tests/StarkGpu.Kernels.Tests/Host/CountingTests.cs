using StarkGpu.Kernels.Host;
using StarkGpu.Rv32im.Chips.Alu;
using StarkGpu.Rv32im.Chips.ByteLookup;
using StarkGpu.Rv32im.Events;

namespace StarkGpu.Kernels.Tests.Host;

/// <summary>Counting fused into WriteColumns, and the parallel counting pass, give HostRows.Count's counts; refused rows come back as the smallest.</summary>
public unsafe class CountingTests
{
    private static readonly HostCounters ByteLookups = new() { Cells0 = ByteLookupTable.CountCells };
    private static readonly HostCounters ProbeTables = new() { Cells0 = ProbeRow.Cells0, Cells1 = ProbeRow.Cells1, Shift1 = 1 };

    [TestCase(1000, 1)]
    [TestCase(1000, 3)]
    [TestCase(65541, 2)]
    [TestCase(65541, 3)]
    public void AddSubFusedCountingMatchesHostRows(int height, int workers)
    {
        var events = Events.AddSub(height, 5);
        var expected = new uint[ByteLookupTable.CountCells];
        CountWithHostRows<AddSubRow, AluEvent>(events, ByteLookups, expected, null);

        using var sets = new HostCounterSets(workers, ByteLookups);
        using var buffer = new TraceBuffer((long)AddSubRow.Width * height, 1);
        Assert.That(HostTraces.WriteColumns<AddSubRow, AluEvent, HostCounters>(events, buffer.Trace, height, sets.PerWorker()), Is.EqualTo(-1));
        var actual = new uint[ByteLookupTable.CountCells];
        sets.SumInto(0, actual);
        Assert.That(actual, Is.EqualTo(expected));
        Assert.That(sets.Errors(0), Is.Zero);

        var (columns, _) = Reference.Columns<AddSubRow, AluEvent>(events);
        Assert.That(Reference.FirstDifference(buffer.Words, columns), Is.EqualTo(-1), "counting changed the trace");
    }

    [TestCase(17, 1)]
    [TestCase(1000, 2)]
    [TestCase(65541, 3)]
    public void ProbeFusedAndCountOnlyMatchHostRows(int height, int workers)
    {
        var events = Events.Probe(height, 9);
        var expected0 = new uint[ProbeRow.Cells0];
        var expected1 = new uint[ProbeRow.Cells1];
        var expectedErrors = new uint[2];
        CountWithHostRows<ProbeRow, ProbeEvent>(events, ProbeTables, expected0, expected1, expectedErrors);
        Assert.That(expectedErrors[1], Is.Not.Zero, "the probe should hit values outside table 1");

        using (var sets = new HostCounterSets(workers, ProbeTables))
        {
            using var buffer = new TraceBuffer((long)ProbeRow.Width * height, 0);
            Assert.That(HostTraces.WriteColumns<ProbeRow, ProbeEvent, HostCounters>(events, buffer.Trace, height, sets.PerWorker()), Is.EqualTo(-1));
            AssertSums(sets, expected0, expected1, expectedErrors);
        }

        using (var sets = new HostCounterSets(workers, ProbeTables))
        {
            Assert.That(HostTraces.Count<ProbeRow, ProbeEvent, HostCounters>(events, sets.PerWorker()), Is.EqualTo(-1));
            AssertSums(sets, expected0, expected1, expectedErrors);
        }
    }

    [TestCase(1000, 1)]
    [TestCase(65541, 3)]
    public void AddSubCountOnlyMatchesHostRows(int height, int workers)
    {
        var events = Events.AddSub(height, 6);
        var expected = new uint[ByteLookupTable.CountCells];
        CountWithHostRows<AddSubRow, AluEvent>(events, ByteLookups, expected, null);
        using var sets = new HostCounterSets(workers, ByteLookups);
        Assert.That(HostTraces.Count<AddSubRow, AluEvent, HostCounters>(events, sets.PerWorker()), Is.EqualTo(-1));
        var actual = new uint[ByteLookupTable.CountCells];
        sets.SumInto(0, actual);
        Assert.That(actual, Is.EqualTo(expected));
    }

    // Refused rows in a late worker's range, in the first's, and in the last rows past the tiles.
    [TestCase(65541, 3, new[] { 65540 }, 65540)]
    [TestCase(65541, 3, new[] { 60000, 40000, 65540 }, 40000)]
    [TestCase(65541, 3, new[] { 65540, 50000, 30, 21845 }, 30)]
    [TestCase(1000, 2, new[] { 999, 600 }, 600)]
    [TestCase(17, 3, new[] { 16 }, 16)]
    [TestCase(17, 1, new[] { 3, 16 }, 3)]
    public void RefusedRowIsTheSmallest(int height, int workers, int[] refused, int expected)
    {
        var events = Events.Probe(height, 3);
        foreach (var row in refused)
        {
            events[row].Refuse = true;
        }

        var (columns, reference) = Reference.Columns<ProbeRow, ProbeEvent>(events);
        Assert.That(reference, Is.EqualTo(expected));
        using var buffer = new TraceBuffer((long)ProbeRow.Width * height, 2);
        Assert.That(HostTraces.WriteColumns<ProbeRow, ProbeEvent>(events, buffer.Trace, height, workers), Is.EqualTo(expected));
        Assert.That(Reference.FirstDifference(buffer.Words, columns), Is.EqualTo(-1), "a refused row still writes its cells the same way");
        using var sets = new HostCounterSets(workers, ProbeTables);
        Assert.That(HostTraces.Count<ProbeRow, ProbeEvent, HostCounters>(events, sets.PerWorker()), Is.EqualTo(expected));
    }

    private static void AssertSums(HostCounterSets sets, uint[] expected0, uint[] expected1, uint[] expectedErrors)
    {
        var actual0 = new uint[expected0.Length];
        var actual1 = new uint[expected1.Length];
        sets.SumInto(0, actual0);
        sets.SumInto(1, actual1);
        Assert.That(actual0, Is.EqualTo(expected0));
        Assert.That(actual1, Is.EqualTo(expected1));
        Assert.That(sets.Errors(0), Is.EqualTo(expectedErrors[0]));
        Assert.That(sets.Errors(1), Is.EqualTo(expectedErrors[1]));
    }

    private static void CountWithHostRows<TWriter, TEvent>(TEvent[] events, HostCounters layout, uint[] table0, uint[]? table1, uint[]? errors = null)
        where TWriter : struct, StarkGpu.Kernels.Traces.IRowWriter<TEvent>
        where TEvent : unmanaged
    {
        errors ??= new uint[2];
        fixed (uint* t0 = table0)
        fixed (uint* t1 = table1)
        fixed (uint* e = errors)
        {
            var counters = layout;
            counters.Table0 = t0;
            counters.Table1 = t1;
            counters.Errors = e;
            Assert.That(HostRows.Count<TWriter, TEvent, HostCounters>(events, ref counters), Is.EqualTo(-1));
        }
    }
}
