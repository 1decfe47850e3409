using StarkGpu.Engine.Air;
using StarkGpu.Engine.Checking;
using StarkGpu.Engine.Chips;
using StarkGpu.Engine.Machines;
using StarkGpu.Engine.SelfTest.Toy;
using StarkGpu.Fields;

namespace StarkGpu.Engine.Tests.Checking;

public sealed class ConstraintCheckerTests
{
    private static readonly Machine<ToyRecord, ToyProgram> Machine = ToyMachines.Create();
    private static readonly ToyProgram Program = new();

    [Test]
    public void CorrectTracesSatisfyTheMachine()
    {
        var report = ConstraintChecker.CheckRecords(Machine, Program, ToyMachines.TwoShards(3, 200, 3, 0, 255));
        Assert.That(report.IsSatisfied, Is.True, report.ToString);
        Assert.That(report.ToString(), Is.EqualTo("all constraints hold and every bus balances"));
    }

    [Test]
    public void OneShardThatDoesEverythingSatisfiesTheMachine()
    {
        var report = ConstraintChecker.CheckRecords(Machine, Program, [ToyMachines.OneShard(1, 2, 3, 4, 5)]);
        Assert.That(report.IsSatisfied, Is.True, report.ToString);
    }

    [Test]
    public void ZeroRowsSatisfyEveryChip()
    {
        var report = ConstraintChecker.CheckZeroRows(Machine);
        Assert.That(report.IsSatisfied, Is.True, report.ToString);
    }

    [Test]
    public void ZeroRowsThatFailAreReportedAsPadding()
    {
        var machine = new Machine<ToyRecord, ToyProgram>([new NotZeroSafeChip()], []);
        var report = ConstraintChecker.CheckZeroRows(machine);
        Assert.That(report.ConstraintFailures.Select(f => (f.Row, f.RowCount, f.IsPadding, f.Label)), Is.EqualTo(new[]
        {
            (0L, 1L, true, "always one"),
            (1L, 2L, true, "always one"),
            (3L, 1L, true, "always one"),
        }));

        // Every one of the four padding rows sends (7).
        var imbalance = report.BusImbalances.Single();
        Assert.That(imbalance.Tuple, Is.EqualTo(new[] { KoalaBear.FromCanonical(7) }));
        Assert.That(imbalance.Net, Is.EqualTo(KoalaBear.FromCanonical(4)));
        Assert.That(imbalance.Contributions.Select(c => (c.Row, c.RowCount)), Is.EqualTo(new[] { (0L, 1L), (1L, 2L), (3L, 1L) }));
    }

    [Test]
    public void ACorruptedCellIsReportedWithChipRowLabelAndCells()
    {
        var shards = Traces(ToyMachines.TwoShards(3, 5, 7));
        var square = shards[0].Main["Square"];
        square.Values[(2 * square.Width) + SquareChip.Y] = KoalaBear.FromCanonical(50);

        var report = Check(shards);

        var failure = report.ConstraintFailures.Single();
        Assert.That((failure.ShardIndex, failure.Chip, failure.Row, failure.Label, failure.ConstraintIndex, failure.IsPadding),
            Is.EqualTo((0, "Square", 2L, "y = x^2", 1, false)));
        Assert.That(failure.Value, Is.EqualTo(KoalaBear.FromCanonical(1)));
        Assert.That(failure.ToString(), Is.EqualTo(
            "shard 0, chip Square, row 2: constraint 'y = x^2' (#1) = 1; main[0]=7, main[1]=50, main[2]=1"));
    }

    [Test]
    public void AnUnbalancedGlobalTupleIsReportedWithItsContributions()
    {
        var shards = Traces(ToyMachines.TwoShards(3, 5, 7));
        var square = shards[0].Main["Square"];
        square.Values[(2 * square.Width) + SquareChip.Y] = KoalaBear.FromCanonical(50);

        var report = Check(shards);

        Assert.That(report.BusImbalanceCount, Is.EqualTo(2));
        Assert.That(report.BusImbalances.Select(i => (i.Bus, i.ShardIndex, Tuple: string.Join(",", i.Tuple), Net: i.Net)), Is.EqualTo(new[]
        {
            (ToyBuses.Squares, (int?)null, "7,49", -KoalaBear.One),
            (ToyBuses.Squares, (int?)null, "7,50", KoalaBear.One),
        }));
        var received = report.BusImbalances[0].Contributions.Single();
        Assert.That((received.ShardIndex, received.Chip, received.Row, received.Kind), Is.EqualTo((1, "Accumulate", 2L, InteractionKind.Receive)));
        Assert.That(report.BusImbalances[1].ToString(), Is.EqualTo(
            "bus squares across shards: (7, 50) net 1 (sends - receives); contributions: send x1 by shard 0 Square row 2"));
    }

    [Test]
    public void ALocalBusMustBalanceWithinEachShard()
    {
        var shards = Traces(ToyMachines.TwoShards(3, 5));
        shards[0].Main["ByteTable"].Values[5] = KoalaBear.FromCanonical(3);

        var report = Check(shards);

        Assert.That(report.ConstraintFailureCount, Is.Zero);
        var imbalance = report.BusImbalances.Single();
        Assert.That((imbalance.Bus, imbalance.ShardIndex, imbalance.Tuple.Single().Canonical), Is.EqualTo((ToyBuses.Byte, (int?)0, 5u)));
        Assert.That(imbalance.Net, Is.EqualTo(KoalaBear.FromSigned(-2)));
        Assert.That(imbalance.ToString(), Does.Contain("net -2").And.Contain("send x1 by shard 0 Square row 1").And.Contain("receive x3 by shard 0 ByteTable row 5"));
    }

    [Test]
    public void AGlobalBusMustBalanceAcrossShards()
    {
        var shards = Traces(ToyMachines.TwoShards(3, 5));
        var report = Check([shards[0]]);
        Assert.That(report.ConstraintFailureCount, Is.Zero);
        Assert.That(report.BusImbalances.Select(i => string.Join(",", i.Tuple)), Is.EqualTo(new[] { "3,9", "5,25" }));
    }

    [Test]
    public void SendsAndReceivesBalanceExactlyInTheField()
    {
        // Byte 3 looked up twice and received with multiplicity 2: balances; with multiplicity 2 + p it would too.
        var report = ConstraintChecker.CheckRecords(Machine, Program, ToyMachines.TwoShards(3, 3));
        Assert.That(report.IsSatisfied, Is.True, report.ToString);
    }

    [Test]
    public void TheNextRowOfTheLastRowIsRowZero()
    {
        var machine = new Machine<ToyRecord, ToyProgram>([new CycleChip()], []);

        Assert.That(CheckOne(machine, "Cycle", HandWrittenChip.Trace(5, 1, 2, 5)).IsSatisfied, Is.True);
        var failure = CheckOne(machine, "Cycle", HandWrittenChip.Trace(5, 1, 2, 6)).ConstraintFailures.Single();
        Assert.That((failure.Row, failure.IsPadding, failure.Label), Is.EqualTo((3L, false, "last row wraps to row 0")));
        Assert.That(failure.Cells.Select(c => c.ToString()), Is.EqualTo(new[] { "main[0]=6", "main'[0]=5" }));
    }

    [Test]
    public void PaddedTracesEndWithAZeroRowWhoseNextRowIsRowZero()
    {
        var machine = new Machine<ToyRecord, ToyProgram>([new CycleChip()], []);

        // Three rows pad to four; the last row is the virtual zero row, and row 0 must match it.
        Assert.That(CheckOne(machine, "Cycle", HandWrittenChip.Trace(0, 1, 2)).IsSatisfied, Is.True);
        var failure = CheckOne(machine, "Cycle", HandWrittenChip.Trace(5, 1, 2)).ConstraintFailures.Single();
        Assert.That((failure.Row, failure.IsPadding), Is.EqualTo((3L, true)));
        Assert.That(failure.Cells.Select(c => c.ToString()), Is.EqualTo(new[] { "main[0]=0", "main'[0]=5" }));

        // A larger shard domain: the last of eight rows.
        var wide = CheckOne(machine, "Cycle", HandWrittenChip.Trace(5, 1, 2), logRowCount: 3).ConstraintFailures.Single();
        Assert.That(wide.Row, Is.EqualTo(7L));
    }

    [Test]
    public void TransitionConstraintsSeeTheNextRow()
    {
        // Accumulate's real rows must come first: a non-real row followed by a real one fails on the former.
        var shards = Traces(ToyMachines.TwoShards(3, 5, 7));
        var accumulate = shards[1].Main["Accumulate"];
        accumulate.Values[(1 * accumulate.Width) + AccumulateChip.IsReal] = KoalaBear.Zero;

        var report = Check(shards);

        Assert.That(report.ConstraintFailures.Select(f => (f.Chip, f.Row, f.Label)), Is.EqualTo(new[]
        {
            ("Accumulate", 1L, "real rows come first"),
        }));
        Assert.That(report.BusImbalances.Select(i => string.Join(",", i.Tuple)), Is.EqualTo(new[] { "5,25" }));
    }

    [Test]
    public void FailuresAreCappedPerChipButCountedExactly()
    {
        var shards = Traces(ToyMachines.TwoShards([.. Enumerable.Range(0, 50).Select(i => (uint)i)]));
        var square = shards[0].Main["Square"];
        for (var row = 0; row < 50; row++)
        {
            square.Values[(row * square.Width) + SquareChip.Y] += KoalaBear.One;
        }

        var report = Check(shards, new CheckOptions { MaxFailuresPerChip = 5, MaxImbalancesPerBus = 3, MaxContributionsPerTuple = 1 });

        Assert.That(report.ConstraintFailureCount, Is.EqualTo(50));
        Assert.That(report.ConstraintFailures.Select(f => f.Row), Is.EqualTo(new[] { 0L, 1L, 2L, 3L, 4L }));
        Assert.That(report.BusImbalanceCount, Is.EqualTo(100));
        Assert.That(report.BusImbalances.Select(i => string.Join(",", i.Tuple)), Is.EqualTo(new[] { "0,0", "0,1", "1,1" }));
        Assert.That(report.ToString(), Does.Contain("50 constraint failure(s), 100 unbalanced tuple(s)").And.Contain("... and 142 more"));
    }

    [Test]
    public void ReportsAreDeterministic()
    {
        string Run()
        {
            var shards = Traces(ToyMachines.TwoShards([.. Enumerable.Range(0, 200).Select(i => (uint)(i * 7 % 256))]));
            shards[0].Main["ByteTable"].Values.AsSpan().Fill(KoalaBear.FromCanonical(2));
            return Check(shards).ToString();
        }

        Assert.That(Run(), Is.EqualTo(Run()));
    }

    [Test]
    public void TracesThatDoNotFitTheMachineAreRejected()
    {
        var preprocessed = new Dictionary<string, HostTrace>();
        Assert.That(
            () => ConstraintChecker.Check(Machine, preprocessed, [new ShardTraces(0, new Dictionary<string, HostTrace> { ["Cube"] = HostTrace.Zeros(1, 1) })]),
            Throws.ArgumentException.With.Message.Contains("Cube"));
        Assert.That(
            () => ConstraintChecker.Check(Machine, preprocessed, [new ShardTraces(0, new Dictionary<string, HostTrace> { ["Square"] = HostTrace.Zeros(1, 2) })]),
            Throws.ArgumentException.With.Message.Contains("3 columns"));
        Assert.That(
            () => ConstraintChecker.Check(Machine, preprocessed, [new ShardTraces(0, new Dictionary<string, HostTrace> { ["ByteTable"] = HostTrace.Zeros(1, 1) })]),
            Throws.ArgumentException.With.Message.Contains("no preprocessed trace"));
    }

    [Test]
    public void ChipsReadTheShardsPublicValues()
    {
        var machine = new Machine<ToyRecord, ToyProgram>([new PublicStartChip()], []);
        Assert.That(machine.PublicValueCount, Is.EqualTo(2));
        CheckReport Run(params uint[] publicValues) => ConstraintChecker.Check(
            machine,
            new Dictionary<string, HostTrace>(),
            [new ShardTraces(3, new Dictionary<string, HostTrace> { ["PublicStart"] = HandWrittenChip.Trace(5, 6) }, PublicValues: [.. publicValues.Select(KoalaBear.FromCanonical)])]);

        var report = Run(10, 5);
        Assert.That(report.ConstraintFailureCount, Is.Zero, report.ToString);
        Assert.That(report.BusImbalances.Single().Tuple, Is.EqualTo(new[] { KoalaBear.FromCanonical(50) }), report.ToString);

        // Another public start is caught on row 0, the public value named among the cells.
        var failure = Run(10, 4).ConstraintFailures.Single();
        Assert.That((failure.ShardIndex, failure.Row, failure.Label), Is.EqualTo((3, 0L, "first row is public value 1")));
        Assert.That(failure.ToString(), Does.EndWith("main[0]=5, public[1]=4"));
    }

    [Test]
    public void AShardWithTooFewPublicValuesIsRejected()
    {
        var machine = new Machine<ToyRecord, ToyProgram>([new PublicStartChip()], []);
        var main = new Dictionary<string, HostTrace> { ["PublicStart"] = HandWrittenChip.Trace(5) };
        Assert.That(
            () => ConstraintChecker.Check(machine, new Dictionary<string, HostTrace>(), [new ShardTraces(2, main, PublicValues: [KoalaBear.One])]),
            Throws.ArgumentException.With.Message.Contains("shard 2 has 1 public values; chip PublicStart reads public value 1"));
        Assert.That(
            () => ConstraintChecker.Check(machine, new Dictionary<string, HostTrace>(), [new ShardTraces(2, main)]),
            Throws.ArgumentException.With.Message.Contains("shard 2 has 0 public values"));
        Assert.That(ConstraintChecker.CheckZeroRows(machine).IsSatisfied, Is.True, "zero rows read zero public values");
    }

    [Test]
    public void FailedReportsThrowWithTheReport()
    {
        var machine = new Machine<ToyRecord, ToyProgram>([new CycleChip()], []);
        var report = CheckOne(machine, "Cycle", HandWrittenChip.Trace(1, 2));
        var e = Assert.Throws<ConstraintCheckException>(report.ThrowIfFailed);
        Assert.That(e!.Message, Does.Contain("chip Cycle, row 1: constraint 'last row wraps to row 0'"));
    }

    private static Dictionary<string, HostTrace> Preprocessed() =>
        new() { ["ByteTable"] = new ByteTableChip().GenerateHostPreprocessedTrace(Program) };

    // Host traces of each record's included chips, each padded to its own power of two.
    private static ShardTraces[] Traces(ToyRecord[] records) =>
        [.. records.Select(r => new ShardTraces(
            r.ShardIndex,
            Machine.IncludedChips(r).ToDictionary(c => c.Name, c => c.GenerateHostMainTrace(r))))];

    private static CheckReport Check(ShardTraces[] shards, CheckOptions? options = null) =>
        ConstraintChecker.Check(Machine, Preprocessed(), shards, options);

    private static CheckReport CheckOne(Machine<ToyRecord, ToyProgram> machine, string chip, HostTrace trace, int? logRowCount = null) =>
        ConstraintChecker.Check(machine, new Dictionary<string, HostTrace>(), [new ShardTraces(0, new Dictionary<string, HostTrace> { [chip] = trace }, logRowCount)]);
}
