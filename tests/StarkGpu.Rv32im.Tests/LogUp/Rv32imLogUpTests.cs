using StarkGpu.Engine.Air;
using StarkGpu.Engine.Air.Symbolic;
using StarkGpu.Engine.Checking;
using StarkGpu.Engine.LogUp;
using StarkGpu.Fields;
using StarkGpu.Rv32im.Tests.Soundness.Support;
using StarkGpu.Rv32im.Tests.Support;
using Ext = StarkGpu.Fields.BinomialExtension4<StarkGpu.Fields.KoalaBear>;

namespace StarkGpu.Rv32im.Tests.LogUp;

/// <summary>
/// The LogUp argument over the whole RV32IM machine: on every guest program's shards, each local bus's aux sums
/// cancel within each shard and each global bus's over all shards, and the chips' cumulative sums add up to zero;
/// a corrupted tuple leaves exactly the buses the checker finds unbalanced with a non-zero sum.
/// </summary>
public sealed class Rv32imLogUpTests
{
    private const int GlobalScope = -1;

    private static IEnumerable<string> Programs => GuestPrograms.QemuComparable.Concat(GuestPrograms.Sp1Only);

    [TestCaseSource(nameof(Programs))]
    public void EveryBusSumsToZeroOnAnHonestRun(string name)
    {
        using var run = CheatingRun.Of(name);
        run.AssertHonestRunPasses();
        var challenges = LogUpChallenges.Random(new Random(name.Length * 7919));
        var sums = BusSums(run, challenges, out var total);
        Assert.That(sums.Where(s => !s.Value.IsZero).Select(s => s.Key), Is.Empty, "buses (and shards) whose LogUp sum is not zero");
        Assert.That(total, Is.EqualTo(Ext.Zero), "the cumulative sums of all chips of all shards");
    }

    [TestCase("fibonacci")]
    [TestCase("hints")]
    public void EveryChipsAuxTraceSatisfiesTheAuxConstraints(string name)
    {
        using var run = CheatingRun.Of(name);
        var challenges = LogUpChallenges.Random(new Random(13));
        foreach (var shard in run.Shards())
        {
            var aux = HostAuxTraces.Generate(run.Machine, run.Preprocessed, shard, challenges);
            var report = AuxConstraints.Check(run.Machine, run.Preprocessed, shard, aux, challenges);
            Assert.That(report.IsSatisfied, Is.True, () => $"shard {shard.ShardIndex}: {report}");
        }
    }

    [TestCase("fibonacci")]
    [TestCase("memory")]
    public void ACorruptedTupleLeavesItsBusesNonZero(string name)
    {
        using var run = CheatingRun.Of(name);
        var (position, chip, column) = CorruptFirstTupleCell(run);
        var report = run.Check();
        Assert.That(report.BusImbalances, Is.Not.Empty, $"the corrupted cell {chip}[0, {column}] of shard position {position} must unbalance a bus");

        // Exactly the (bus, scope) pairs the checker finds unbalanced have a non-zero LogUp sum.
        var unbalanced = report.BusImbalances.Select(i => Key(i.Bus, i.ShardIndex ?? GlobalScope)).Distinct().Order().ToArray();
        var sums = BusSums(run, LogUpChallenges.Random(new Random(11)), out var total);
        Assert.That(sums.Where(s => !s.Value.IsZero).Select(s => s.Key).Order().ToArray(), Is.EqualTo(unbalanced));
        Assert.That(total, Is.Not.EqualTo(Ext.Zero));
    }

    // Row 0 of the first chip (in machine order) of the first shard whose first interaction's tuple starts with a
    // plain main cell and is put on the bus on row 0: that cell plus one.
    private static (int Position, string Chip, int Column) CorruptFirstTupleCell(CheatingRun run)
    {
        var challenges = LogUpChallenges.Random(new Random(12));
        var shard = run.Shards()[0];
        foreach (var chip in run.Machine.Chips.Where(c => run.HasTrace(0, c.Name) && run.Trace(0, c.Name).Height > 0))
        {
            var interactions = run.Machine.Symbolic(chip.Name).Interactions;
            if (interactions.Count == 0 || interactions[0].Values.Count == 0 || interactions[0].Values[0].Kind != SymbolicExpressionKind.Variable)
            {
                continue;
            }

            var cell = interactions[0].Values[0].Variable;
            var aux = HostAuxTraces.GenerateChip(
                chip, run.Machine.Symbolic(chip.Name), shard.Main[chip.Name], run.Preprocessed.GetValueOrDefault(chip.Name), shard.PublicValues!, shard.LogRowCount, challenges, batchSize: 1);
            if (cell.Trace != TraceKind.Main || cell.IsNext || aux[0, 0].IsZero)
            {
                continue;
            }

            run.Set(0, chip.Name, 0, cell.Column, (run.Get(0, chip.Name, 0, cell.Column) + 1) % KoalaBear.Modulus);
            return (0, chip.Name, cell.Column);
        }

        throw new AssertionException("no chip puts a plain cell on a bus on row 0");
    }

    // Per (bus, scope): local buses per shard, global buses over all shards.
    private static SortedDictionary<string, Ext> BusSums(CheatingRun run, LogUpChallenges challenges, out Ext total)
    {
        var sums = new SortedDictionary<string, Ext>(StringComparer.Ordinal);
        total = Ext.Zero;
        foreach (var shard in run.Shards())
        {
            foreach (var aux in HostAuxTraces.Generate(run.Machine, run.Preprocessed, shard, challenges).Values)
            {
                total += aux.CumulativeSum;
                foreach (var (bus, sum) in aux.BusSums)
                {
                    var key = Key(bus, bus.Scope == BusScope.Global ? GlobalScope : shard.ShardIndex);
                    sums[key] = sums.GetValueOrDefault(key) + sum;
                }
            }
        }

        return sums;
    }

    private static string Key(Bus bus, int scope) => $"{bus.Name} (#{bus.Id}) scope {scope}";
}
