using StarkGpu.Engine.Air;
using StarkGpu.Engine.Machines;

namespace StarkGpu.Engine.SelfTest.Toy;

public sealed class MachineTests
{
    private static readonly Machine<ToyRecord, ToyProgram> Machine = ToyMachines.Create();

    [Test]
    public void ChipsAreOrderedByOrdinalName()
    {
        Assert.That(Machine.Chips.Select(c => c.Name), Is.EqualTo(new[] { "Accumulate", "ByteTable", "Square" }));
        Assert.That(Machine.Clusters.Select(c => c.Name), Is.EqualTo(new[] { "accumulate", "all", "squares" }));
    }

    [Test]
    public void ByNameFindsChipsAndRejectsUnknownNames()
    {
        Assert.That(Machine.ByName("Square"), Is.InstanceOf<SquareChip>());
        Assert.That(() => Machine.ByName("Nope"), Throws.InstanceOf<KeyNotFoundException>().With.Message.Contains("Nope"));
    }

    [Test]
    public void BusesAreCollectedFromTheChips() =>
        Assert.That(Machine.Buses, Is.EqualTo(new[] { ToyBuses.Byte, ToyBuses.Squares }));

    [Test]
    public void DuplicateChipNamesAreRejected() =>
        Assert.That(
            () => new Machine<ToyRecord, ToyProgram>([new SquareChip(), new SquareChip()], []),
            Throws.ArgumentException.With.Message.Contains("Square"));

    [Test]
    public void ClustersNamingUnknownChipsAreRejected() =>
        Assert.That(
            () => new Machine<ToyRecord, ToyProgram>([new SquareChip()], [new Cluster("c", ["Square", "Cube"])]),
            Throws.ArgumentException.With.Message.Contains("Cube"));

    [Test]
    public void ClustersListingAChipTwiceAreRejected() =>
        Assert.That(() => new Cluster("c", ["Square", "Square"]), Throws.ArgumentException);

    [Test]
    public void TwoBusesWithOneIdAreRejected()
    {
        var impostor = new SendsOnBus(new Bus("not-byte", ToyBuses.Byte.Id, BusScope.LocalToShard));
        Assert.That(
            () => new Machine<ToyRecord, ToyProgram>([new SquareChip(), impostor], []),
            Throws.ArgumentException.With.Message.Contains("not-byte"));
    }

    [Test]
    public void SmallestClusterHasTheFewestChips()
    {
        Assert.That(Machine.SmallestCluster([Machine.ByName("Square")]).Name, Is.EqualTo("squares"));
        Assert.That(Machine.SmallestCluster([Machine.ByName("Accumulate")]).Name, Is.EqualTo("accumulate"));
        Assert.That(Machine.SmallestCluster([Machine.ByName("Accumulate"), Machine.ByName("Square")]).Name, Is.EqualTo("all"));
        Assert.That(Machine.SmallestCluster([]).Name, Is.EqualTo("accumulate"));
    }

    [Test]
    public void SmallestClusterBreaksTiesByTotalWidthThenName()
    {
        // Both two-chip clusters hold Square; "b-wide" is wider (Accumulate: 4 columns against ByteTable's 1 + 1).
        var machine = new Machine<ToyRecord, ToyProgram>(
            [new SquareChip(), new AccumulateChip(), new ByteTableChip()],
            [new Cluster("b-wide", ["Square", "Accumulate"]), new Cluster("z-narrow", ["Square", "ByteTable"]), new Cluster("a-narrow", ["ByteTable", "Square"])]);
        Assert.That(machine.SmallestCluster([machine.ByName("Square")]).Name, Is.EqualTo("a-narrow"));
    }

    [Test]
    public void NoClusterExceptionListsTheShardChipsAndTheClusters()
    {
        var machine = new Machine<ToyRecord, ToyProgram>(
            [new SquareChip(), new AccumulateChip(), new ByteTableChip()],
            [new Cluster("squares", ["ByteTable", "Square"]), new Cluster("accumulate", ["Accumulate"])]);
        var e = Assert.Throws<NoClusterException>(() => machine.SmallestCluster([machine.ByName("Square"), machine.ByName("Accumulate")]));
        Assert.That(e!.ShardChips, Is.EqualTo(new[] { "Accumulate", "Square" }));
        Assert.That(e.Message, Does.Contain("{Accumulate, Square}").And.Contain("squares {ByteTable, Square}").And.Contain("accumulate {Accumulate}"));
    }

    [Test]
    public void IncludedChipsFollowTheRecord()
    {
        var records = ToyMachines.TwoShards(3, 4);
        Assert.That(Machine.IncludedChips(records[0]).Select(c => c.Name), Is.EqualTo(new[] { "ByteTable", "Square" }));
        Assert.That(Machine.IncludedChips(records[1]).Select(c => c.Name), Is.EqualTo(new[] { "Accumulate" }));
    }

    private sealed class SendsOnBus(Bus bus) : StarkGpu.Engine.Chips.Chip<ToyRecord, ToyProgram>
    {
        public override string Name => "Impostor";

        public override int Width => 1;

        public override void Eval<TExpr>(IAirBuilder<TExpr> builder) => builder.Send(bus, [builder.Local(0)], builder.Local(0));

        public override bool Included(ToyRecord record) => false;

        public override int MainHeight(ToyRecord record) => 0;

        public override void GenerateMainTrace(ToyRecord record, CommunityToolkit.HighPerformance.Span2D<StarkGpu.Fields.KoalaBear> rows)
        {
        }
    }
}
