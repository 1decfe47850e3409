using StarkGpu.Engine.Air.Symbolic;
using StarkGpu.Engine.Checking;
using StarkGpu.Engine.Chips;
using StarkGpu.Engine.LogUp;
using StarkGpu.Engine.Machines;
using StarkGpu.Engine.SelfTest.Toy;
using StarkGpu.Fields;
using Ext = StarkGpu.Fields.BinomialExtension4<StarkGpu.Fields.KoalaBear>;

namespace StarkGpu.Engine.Tests.LogUp;

/// <summary>The aux constraints, through the builder: the honest aux trace satisfies them, each kind of forgery fails the constraint that catches it.</summary>
public sealed class AuxConstraintsTests
{
    private static readonly Machine<ToyRecord, ToyProgram> Machine = new([new ThreeInteractionChip()], []);
    private static readonly Dictionary<string, HostTrace> NoPreprocessed = [];

    [TestCase(1)]
    [TestCase(2)]
    [TestCase(3)]
    public void TheHonestAuxTraceSatisfiesItsConstraints(int batchSize)
    {
        var (shard, aux, challenges) = Honest(batchSize);
        var report = AuxConstraints.Check(Machine, NoPreprocessed, shard, aux, challenges);
        Assert.That(report.IsSatisfied, Is.True, report.ToString);
    }

    [Test]
    public void AForgedRunningSumFailsTheTransition()
    {
        var (shard, aux, challenges) = Honest(2);
        var trace = aux["Three"];
        trace.Values[(3 * trace.Layout.Width) + trace.Layout.RunningSumColumn] += Ext.One;
        Assert.That(Labels(AuxConstraints.Check(Machine, NoPreprocessed, shard, aux, challenges)), Does.Contain(("logup running sum adds each row [0]", 2L)));
    }

    [Test]
    public void AForgedBatchColumnFailsItsIdentity()
    {
        var (shard, aux, challenges) = Honest(2);
        aux["Three"].Values[(4 * aux["Three"].Layout.Width) + 1] += Ext.One;
        Assert.That(Labels(AuxConstraints.Check(Machine, NoPreprocessed, shard, aux, challenges)), Does.Contain(("logup batch column 1 [0]", 4L)));
    }

    [Test]
    public void AForgedFirstRowFailsTheStart()
    {
        var (shard, aux, challenges) = Honest(2);
        var trace = aux["Three"];
        for (var row = 0; row < trace.Height; row++)
        {
            trace.Values[(row * trace.Layout.Width) + trace.Layout.RunningSumColumn] += Ext.One;
        }

        // Shifting every running sum by one keeps each transition, so only the first and last rows catch it.
        var labels = Labels(AuxConstraints.Check(Machine, NoPreprocessed, shard, aux, challenges));
        Assert.That(labels, Does.Contain(("logup running sum starts with the first row [0]", 0L)));
        Assert.That(labels.Select(l => l.Label), Does.Not.Contain("logup running sum adds each row [0]"));
    }

    [Test]
    public void TheConstraintsAreRecordedSymbolically()
    {
        var symbolic = SymbolicAirBuilder.Evaluate(new AuxChipProbe().Chip);
        Assert.That(symbolic.Constraints.Select(c => c.Label), Does.Contain("logup batch column 0 [3]").And.Contain("logup running sum ends at the cumulative sum [0]"));
        // col * f1 * f2 (fingerprints affine in the cells) is degree 3.
        Assert.That(symbolic.MaxConstraintDegree, Is.EqualTo(3));
    }

    private static (ShardTraces Shard, IReadOnlyDictionary<string, AuxTrace> Aux, LogUpChallenges Challenges) Honest(int batchSize)
    {
        var challenges = LogUpChallenges.Random(new Random(41));
        var random = new Random(42);
        var trace = ThreeInteractionChip.Trace([.. Enumerable.Range(0, 12).Select(_ => ((uint)random.Next(1 << 20), (uint)random.Next(4)))]);
        var shard = new ShardTraces(0, new Dictionary<string, HostTrace> { ["Three"] = trace }, LogRowCount: 4);
        return (shard, HostAuxTraces.Generate(Machine, NoPreprocessed, shard, challenges, batchSize), challenges);
    }

    private static List<(string Label, long Row)> Labels(CheckReport report) => [.. report.ConstraintFailures.Select(f => (f.Label, f.Row))];

    // The aux chip of the toy chip, batch size 2, to read its symbolic constraints.
    private sealed class AuxChipProbe
    {
        public Chip<ToyRecord, ToyProgram> Chip { get; } = new AuxChip<ToyRecord, ToyProgram>(new ThreeInteractionChip(), AuxLayout.Of(3, 2), 0, 8);
    }
}
