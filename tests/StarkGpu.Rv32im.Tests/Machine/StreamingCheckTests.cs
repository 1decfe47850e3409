using StarkGpu.Engine.Checking;
using StarkGpu.Rv32im.Elf;
using StarkGpu.Rv32im.Events;
using StarkGpu.Rv32im.Execution;

namespace StarkGpu.Rv32im.Tests.Machine;

/// <summary>
/// <see cref="StreamingCheck{TRecord, TProgram}"/> gives <see cref="ConstraintChecker.CheckRecords"/>'s verdict while
/// seeing each record once: on an honest run, on a forged ALU event (a constraint and a local bus), and on a forged
/// final memory value (a global bus, whose tuples it lists without contributions).
/// </summary>
public sealed class StreamingCheckTests
{
    [Test]
    public void AnHonestRunPassesShardByShard()
    {
        var (program, result) = GuestRun.Record("sort");
        using (result)
        {
            var (batch, streamed) = BothChecks(program, result.Shards);
            Assert.That(batch.IsSatisfied, Is.True, batch.ToString);
            Assert.That(streamed.IsSatisfied, Is.True, streamed.ToString);
        }
    }

    [Test]
    public void AForgedAluResultFailsTheSameConstraintsAndLocalTuples()
    {
        var (program, result) = GuestRun.Record("sort");
        using (result)
        {
            result.Shards[1].AddSub.WritableSpan[3].A ^= 0x100;
            var (batch, streamed) = BothChecks(program, result.Shards);
            Assert.That(batch.IsSatisfied, Is.False);
            Assert.That(streamed.ConstraintFailureCount, Is.EqualTo(batch.ConstraintFailureCount));
            Assert.That(streamed.ConstraintFailures.Select(f => f.ToString()), Is.EqualTo(batch.ConstraintFailures.Select(f => f.ToString())));
            Assert.That(streamed.BusImbalanceCount, Is.EqualTo(batch.BusImbalanceCount).And.GreaterThan(0));
            Assert.That(streamed.BusImbalances.Select(b => b.ToString()), Is.EqualTo(batch.BusImbalances.Select(b => b.ToString())), "local tuples are listed with who sent them");
        }
    }

    [Test]
    public void AForgedFinalMemoryValueUnbalancesTheGlobalBus()
    {
        var (program, result) = GuestRun.Record("sort");
        using (result)
        {
            result.Shards[^1].MemoryFinalize.WritableSpan[^1].Value ^= 1;
            var (batch, streamed) = BothChecks(program, result.Shards);
            Assert.That(batch.BusImbalanceCount, Is.GreaterThan(0));
            Assert.That(streamed.BusImbalanceCount, Is.EqualTo(batch.BusImbalanceCount));
            var global = streamed.BusImbalances.Where(b => b.ShardIndex is null).ToList();
            Assert.That(global, Is.Not.Empty);
            Assert.That(global.Select(b => (b.Bus, string.Join(",", b.Tuple), b.Net)),
                Is.EqualTo(batch.BusImbalances.Where(b => b.ShardIndex is null).Select(b => (b.Bus, string.Join(",", b.Tuple), b.Net))));
            Assert.That(global[0].ToString(), Does.Contain("not listed"), "the streamed shards are gone");
        }
    }

    [Test]
    public void NoShardAfterFinish()
    {
        var (program, result) = GuestRun.Record("fibonacci");
        using (result)
        {
            var check = ConstraintChecker.BeginStream(Rv32imMachine.Create(program), program);
            check.Add(result.Shards[0]);
            Assert.That(check.Finish(), Is.SameAs(check.Finish()));
            Assert.Throws<InvalidOperationException>(() => check.Add(result.Shards[0]));
        }
    }

    private static (CheckReport Batch, CheckReport Streamed) BothChecks(Program program, IReadOnlyList<ExecutionRecord> records)
    {
        var machine = Rv32imMachine.Create(program);
        var batch = ConstraintChecker.CheckRecords(machine, program, records);
        var stream = ConstraintChecker.BeginStream(machine, program);
        foreach (var record in records)
        {
            stream.Add(record);
        }

        Assert.That(stream.ShardCount, Is.EqualTo(records.Count));
        return (batch, stream.Finish());
    }
}
