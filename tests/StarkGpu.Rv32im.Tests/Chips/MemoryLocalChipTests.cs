using StarkGpu.Engine.Checking;
using StarkGpu.Fields;
using StarkGpu.Rv32im.Chips.Memory;
using StarkGpu.Rv32im.Events;
using StarkGpu.Rv32im.Tests.Chips.Support;

namespace StarkGpu.Rv32im.Tests.Chips;

/// <summary>MemoryLocal: host and device traces equal, one row per event, zero rows and a bad is_real.</summary>
public sealed class MemoryLocalChipTests
{
    private const int Seed = 20_240_707;

    private static readonly uint[] EdgeValues = [0, 1, 0xff, 0x100, KoalaBear.Modulus - 1, KoalaBear.Modulus, 0x8000_0000, 0xffff_ffff];

    [Test]
    public void HostTraceEqualsDeviceTraceOnSeededAndEdgeEvents()
    {
        using var record = SampleRecord(3000);
        ChipHarness.AssertHostEqualsDevice(new MemoryLocalChip(), record, row => MemoryLocalChip.DescribeRow(record, row));
    }

    [TestCaseSource(typeof(MemoryHarness), nameof(MemoryHarness.Programs))]
    public void HostTraceEqualsDeviceTraceOnEveryShardOfARealProgram(string guest)
    {
        var (_, result) = MemoryHarness.Run(guest);
        using var run = result;
        var chip = new MemoryLocalChip();
        Assert.That(result.Shards, Has.Count.GreaterThan(1), "small shards make several records");
        foreach (var record in result.Shards)
        {
            Assert.That(chip.Included(record), Is.True, $"shard {record.Shard} touches memory");
            ChipHarness.AssertHostEqualsDevice(chip, record, row => MemoryLocalChip.DescribeRow(record, row));
        }
    }

    [Test]
    public void EveryEventIsOneRowWithItsStates()
    {
        using var record = SampleRecord(5);
        var chip = new MemoryLocalChip();
        var trace = chip.GenerateHostMainTrace(record);
        Assert.That(trace.Height, Is.EqualTo(record.MemoryLocal.Count));
        var e = record.MemoryLocal[3];
        Assert.That(trace[3, MemoryLocalColumns.Address], Is.EqualTo(KoalaBear.FromCanonical(e.Address)));
        Assert.That(trace[3, MemoryLocalColumns.FinalTimestamp], Is.EqualTo(KoalaBear.FromCanonical(e.Final.Timestamp)));
        Assert.That(trace[3, MemoryLocalColumns.InitialValue + 3], Is.EqualTo(KoalaBear.FromCanonical(e.Initial.Value >> 24)));
        Assert.That(trace[3, MemoryLocalColumns.IsReal], Is.EqualTo(KoalaBear.One));
        using var empty = new ExecutionRecord(1, 16);
        Assert.That(chip.Included(empty), Is.False);
    }

    [Test]
    public void AllZeroRowsSatisfyEveryConstraint()
    {
        var report = ConstraintChecker.CheckZeroRows(ChipHarness.Machine(new MemoryLocalChip()));
        Assert.That(report.IsSatisfied, Is.True, report.ToString);
    }

    [Test]
    public void ANonBooleanIsRealFailsNamingTheChipAndConstraint()
    {
        using var record = SampleRecord(10);
        var chip = new MemoryLocalChip();
        var report = ChipHarness.Check(
            ChipHarness.Machine(chip), record, traces => ChipHarness.SetCell(traces[chip.Name], 4, MemoryLocalColumns.IsReal, 2));
        Assert.That(
            report.ConstraintFailures.Select(f => (f.Chip, f.Row, f.Label)),
            Does.Contain((MemoryLocalChip.ChipName, 4L, "is_real is boolean")),
            report.ToString);
    }

    [Test]
    public void ConstraintsHaveDegreeAtMostThree()
    {
        var degree = ChipHarness.Machine(new MemoryLocalChip()).Symbolic(MemoryLocalChip.ChipName).MaxConstraintDegree;
        Assert.That(degree, Is.InRange(1, 3));
    }

    // The edge values in every field of the first events, then seeded random ones.
    private static ExecutionRecord SampleRecord(int randomEvents)
    {
        var record = new ExecutionRecord(1, 16);
        for (var i = 0; i < EdgeValues.Length; i++)
        {
            var v = EdgeValues[i];
            var w = EdgeValues[EdgeValues.Length - 1 - i];
            record.MemoryLocal.Add(new MemoryLocalEvent
            {
                Address = v,
                Initial = new MemoryState { Shard = w, Timestamp = v, Value = w },
                Final = new MemoryState { Shard = v, Timestamp = w, Value = v },
            });
        }

        var random = new Random(Seed + randomEvents);
        for (var i = 0; i < randomEvents; i++)
        {
            record.MemoryLocal.Add(new MemoryLocalEvent
            {
                Address = (uint)random.NextInt64(0, 1L << 32),
                Initial = RandomState(random),
                Final = RandomState(random),
            });
        }

        return record;
    }

    private static MemoryState RandomState(Random random) => new()
    {
        Shard = (uint)random.Next(0, 1 << 16),
        Timestamp = (uint)random.NextInt64(0, 1L << 32),
        Value = (uint)random.NextInt64(0, 1L << 32),
    };
}
