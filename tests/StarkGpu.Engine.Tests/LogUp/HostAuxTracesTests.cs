using StarkGpu.Engine.Checking;
using StarkGpu.Engine.Chips;
using StarkGpu.Engine.LogUp;
using StarkGpu.Engine.Machines;
using StarkGpu.Engine.SelfTest.Toy;
using StarkGpu.Fields;
using Ext = StarkGpu.Fields.BinomialExtension4<StarkGpu.Fields.KoalaBear>;

namespace StarkGpu.Engine.Tests.LogUp;

/// <summary>The host reference of the LogUp aux traces, on hand-written traces whose sums are computed here directly.</summary>
public sealed class HostAuxTracesTests
{
    private static readonly Machine<ToyRecord, ToyProgram> Machine = new([new ThreeInteractionChip()], []);
    private static readonly Dictionary<string, HostTrace> NoPreprocessed = [];

    [Test]
    public void EachCellIsTheBatchedSumOfMultiplicitiesOverFingerprints()
    {
        var challenges = LogUpChallenges.Random(new Random(1));
        var aux = Generate(ThreeInteractionChip.Trace((5, 2), (9, 1), (0, 0)), challenges, batchSize: 2);
        Assert.That((aux.Layout.BatchColumns, aux.Layout.Width, aux.Height), Is.EqualTo((2, 3, 3)));

        var (alpha, beta) = (challenges.Alpha, challenges.Beta);
        var running = Ext.Zero;
        foreach (var (row, value, multiplicity) in new[] { (0, 5u, 2u), (1, 9u, 1u), (2, 0u, 0u) })
        {
            var v = KoalaBear.FromCanonical(value);
            var m = KoalaBear.FromCanonical(multiplicity);
            var sendA = (alpha - (Base(21) + (beta * v))).Inverse() * m;
            var receiveA = (alpha - (Base(21) + (beta * v) + (beta * beta * KoalaBear.FromCanonical(3)))).Inverse() * -m;
            var receiveB = (alpha - (Base(22) + (beta * v))).Inverse() * -m;
            running += sendA + receiveA + receiveB;
            Assert.That(aux[row, 0], Is.EqualTo(sendA + receiveA), $"row {row}, batch column 0");
            Assert.That(aux[row, 1], Is.EqualTo(receiveB), $"row {row}, batch column 1");
            Assert.That(aux[row, 2], Is.EqualTo(running), $"row {row}, running sum");
        }

        Assert.That(aux.CumulativeSum, Is.EqualTo(running));
        Assert.That(aux.BusSums.Select(s => s.Bus), Is.EqualTo(new[] { ThreeInteractionChip.BusA, ThreeInteractionChip.BusB }));
        Assert.That(aux.BusSums[0].Sum + aux.BusSums[1].Sum, Is.EqualTo(running));
    }

    [Test]
    public void TheBusIdKeepsTheSameTupleOnTwoBusesApart()
    {
        // Send (v) on bus a and receive (v) on bus b cancel as tuples but not as buses.
        var aux = Generate(ThreeInteractionChip.Trace((5, 1)), LogUpChallenges.Random(new Random(2)), batchSize: 1);
        Assert.That(aux[0, 0] + aux[0, 2], Is.Not.EqualTo(Ext.Zero));
    }

    [TestCase(1)]
    [TestCase(2)]
    [TestCase(3)]
    [TestCase(5)]
    public void TheBatchSizeRegroupsColumnsButKeepsTheSums(int batchSize)
    {
        var challenges = LogUpChallenges.Random(new Random(3));
        var trace = RandomTrace(new Random(4), rows: 100);
        var reference = Generate(trace, challenges, batchSize: 1);
        var batched = Generate(trace, challenges, batchSize);
        Assert.That(batched.Layout.BatchColumns, Is.EqualTo((3 + batchSize - 1) / batchSize));
        for (var row = 0; row < trace.Height; row++)
        {
            Assert.That(batched[row, batched.Layout.RunningSumColumn], Is.EqualTo(reference[row, reference.Layout.RunningSumColumn]), $"row {row}");
            for (var column = 0; column < batched.Layout.BatchColumns; column++)
            {
                var expected = Enumerable.Range(column * batchSize, Math.Min(batchSize, 3 - (column * batchSize))).Aggregate(Ext.Zero, (sum, k) => sum + reference[row, k]);
                Assert.That(batched[row, column], Is.EqualTo(expected), $"row {row}, column {column}");
            }
        }
    }

    [TestCase(1)]
    [TestCase(7)]
    [TestCase(64)]
    [TestCase(100_000)]
    public void TheInversionChunkDoesNotChangeAnyCell(int chunk)
    {
        var challenges = LogUpChallenges.Random(new Random(5));
        var trace = RandomTrace(new Random(6), rows: 6000);
        var reference = Generate(trace, challenges, batchSize: 2, inversionChunk: 1);
        Assert.That(Generate(trace, challenges, batchSize: 2, inversionChunk: chunk).Values, Is.EqualTo(reference.Values));
    }

    [Test]
    public void RowsPastTheRealHeightHoldTheRunningSumConstant()
    {
        // Three real rows in a domain of 8: the aux trace has three rows; materialising the five zero rows gives
        // zero batch columns and the same running sum on each, so leaving them virtual is exact.
        var challenges = LogUpChallenges.Random(new Random(7));
        var real = ThreeInteractionChip.Trace((5, 2), (9, 1), (4, 3));
        var padded = ThreeInteractionChip.Trace((5, 2), (9, 1), (4, 3), (0, 0), (0, 0), (0, 0), (0, 0), (0, 0));
        var aux = Generate(real, challenges, 2, logRowCount: 3);
        var full = Generate(padded, challenges, 2, logRowCount: 3);
        Assert.That(aux.Height, Is.EqualTo(3));
        Assert.That(full.Values.AsSpan(0, 3 * 3).ToArray(), Is.EqualTo(aux.Values));
        for (var row = 3; row < 8; row++)
        {
            Assert.That((full[row, 0], full[row, 1]), Is.EqualTo((Ext.Zero, Ext.Zero)), $"row {row}");
            Assert.That(full[row, 2], Is.EqualTo(aux.CumulativeSum), $"row {row}");
        }
    }

    [Test]
    public void APaddingRowThatInteractsIsRefused()
    {
        var machine = new Machine<ToyRecord, ToyProgram>([new PaddingSenderChip()], []);
        var shard = new ShardTraces(0, new Dictionary<string, HostTrace> { ["PaddingSender"] = HostTrace.Zeros(2, 1) }, LogRowCount: 2);
        Assert.That(
            () => HostAuxTraces.Generate(machine, NoPreprocessed, shard, LogUpChallenges.Random(new Random(8))),
            Throws.InstanceOf<LogUpException>().With.Message.Contains("chip PaddingSender: interaction #0 has multiplicity 1 on padding row 2"));
    }

    [Test]
    public void AZeroFingerprintNamesTheChipRowAndInteraction()
    {
        // alpha = 22 + beta * 9 zeroes the fingerprint of row 1's receive on bus b (interaction #2).
        var beta = LogUpChallenges.Random(new Random(9)).Beta;
        var challenges = new LogUpChallenges(Base(22) + (beta * KoalaBear.FromCanonical(9)), beta);
        var error = Assert.Throws<ZeroFingerprintException>(() => Generate(ThreeInteractionChip.Trace((5, 2), (9, 1)), challenges, 2))!;
        Assert.That((error.ChipName, error.Row, error.Interaction), Is.EqualTo(("Three", 1L, 2)));
        Assert.That(error.Message, Is.EqualTo("chip Three: interaction #2 has a zero fingerprint on row 1"));
    }

    [Test]
    public void AChipWithoutRowsContributesNothing()
    {
        var aux = Generate(ThreeInteractionChip.Trace(), LogUpChallenges.Random(new Random(10)), 2);
        Assert.That((aux.Height, aux.CumulativeSum), Is.EqualTo((0, Ext.Zero)));
    }

    private static AuxTrace Generate(HostTrace trace, LogUpChallenges challenges, int batchSize, int inversionChunk = HostAuxTraces.DefaultInversionChunk, int? logRowCount = null)
    {
        var shard = new ShardTraces(0, new Dictionary<string, HostTrace> { ["Three"] = trace }, logRowCount);
        return HostAuxTraces.Generate(Machine, NoPreprocessed, shard, challenges, batchSize, inversionChunk)["Three"];
    }

    private static HostTrace RandomTrace(Random random, int rows) =>
        ThreeInteractionChip.Trace([.. Enumerable.Range(0, rows).Select(_ => ((uint)random.Next(1 << 20), (uint)random.Next(4)))]);

    private static Ext Base(uint value) => Ext.FromBase(KoalaBear.FromCanonical(value));
}
