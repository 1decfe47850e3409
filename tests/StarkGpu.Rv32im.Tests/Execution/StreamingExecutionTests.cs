using StarkGpu.Rv32im.Elf;
using StarkGpu.Rv32im.Events;
using StarkGpu.Rv32im.Execution;
using StarkGpu.Rv32im.Tests.Support;

namespace StarkGpu.Rv32im.Tests.Execution;

/// <summary>
/// <see cref="Executor.ExecuteStreaming"/>: the same records as a batch run, never more than the shards in flight
/// alive at once (the executor waits), errors through <see cref="ShardStream.Completion"/>, and a consumer that
/// leaves early stops the executor.
/// </summary>
[CancelAfter(120_000)]
public sealed class StreamingExecutionTests
{
    private const int ShardSize = 1024;

    [TestCase(1)]
    [TestCase(2)]
    [TestCase(3)]
    public void StreamedRecordsEqualTheBatchRunsRecords(int shardsInFlight)
    {
        var program = ElfLoader.LoadFile(RepoPaths.GuestElf("hash_chain"));
        var options = new ExecutionOptions { Mode = ExecutionMode.Recording, ShardSize = ShardSize, Hints = [GuestPrograms.Words(1)] };
        using var batch = Executor.Execute(program, options);
        Assert.That(batch.Shards, Has.Count.GreaterThan(3));

        using var stream = Executor.ExecuteStreaming(program, options, shardsInFlight);
        var shard = 0;
        foreach (var record in ReadAll(stream))
        {
            using (record)
            {
                AssertSameRecord(batch.Shards[shard], record);
            }

            shard++;
        }

        using var result = stream.Completion.GetAwaiter().GetResult();
        Assert.That(shard, Is.EqualTo(batch.Shards.Count));
        Assert.That((result.ExitCode, result.Cycles, result.ShardCount), Is.EqualTo((batch.ExitCode, batch.Cycles, batch.ShardCount)));
        Assert.That(result.Shards, Is.Empty, "a stream's result keeps no records");
        Assert.That(result.CommittedValueDigest[0], Is.EqualTo(batch.CommittedValueDigest[0]));
    }

    [TestCase(1)]
    [TestCase(2)]
    public void TheExecutorWaitsWhileTheShardsInFlightAreAlive(int shardsInFlight)
    {
        var program = ElfLoader.LoadFile(RepoPaths.GuestElf("sort"));
        using var stream = Executor.ExecuteStreaming(program, new ExecutionOptions { ShardSize = 1024 }, shardsInFlight);
        var held = new List<ExecutionRecord>();
        try
        {
            // Holding as many records as may be alive, the executor cannot open another: nothing more arrives.
            while (held.Count < shardsInFlight)
            {
                held.Add(Read(stream));
            }

            Thread.Sleep(300);
            Assert.That(stream.Records.TryRead(out _), Is.False, "no record beyond the shards in flight");
            Assert.That(stream.Completion.IsCompleted, Is.False);

            // Releasing one lets exactly the next one through.
            held[0].Dispose();
            held.RemoveAt(0);
            var next = Read(stream);
            Assert.That(next.Shard, Is.EqualTo((uint)shardsInFlight + 1));
            held.Add(next);
        }
        finally
        {
            held.ForEach(r => r.Dispose());
        }

        foreach (var record in ReadAll(stream))
        {
            record.Dispose();
        }

        using var result = stream.Completion.GetAwaiter().GetResult();
        Assert.That(result.ShardCount, Is.GreaterThan(10));
        Assert.That(stream.WaitingTime, Is.GreaterThan(TimeSpan.FromMilliseconds(200)), "the executor waited while the records were held");
    }

    [Test]
    public void AGuestErrorEndsTheRecordsAndCompletesWithTheError()
    {
        var program = ElfLoader.LoadFile(RepoPaths.GuestElf("sort"));
        using var stream = Executor.ExecuteStreaming(program, new ExecutionOptions { ShardSize = 1024, MaxCycles = 5000 }, shardsInFlight: 2);
        var shards = 0;
        foreach (var record in ReadAll(stream))
        {
            record.Dispose();
            shards++;
        }

        var error = Assert.Throws<ExecutionException>(() => stream.Completion.GetAwaiter().GetResult());
        Assert.That(error!.Kind, Is.EqualTo(ExecutionErrorKind.CycleLimit));
        Assert.That(shards, Is.EqualTo(4), "the shards closed before the limit still arrive");
    }

    [Test]
    public void DisposingTheStreamStopsTheExecutorAndReleasesUnreadRecords()
    {
        var program = ElfLoader.LoadFile(RepoPaths.GuestElf("sort"));
        var stream = Executor.ExecuteStreaming(program, new ExecutionOptions { ShardSize = 1024 }, shardsInFlight: 3);
        using (Read(stream))
        {
        }

        Thread.Sleep(100); // the executor fills the free slots, then waits
        stream.Dispose();
        Assert.That(stream.Completion.IsCompleted, Is.True);
        Assert.That(stream.Completion.IsFaulted, Is.True, "stopped before HALT");
        Assert.That(stream.Records.TryRead(out _), Is.False, "nothing left unread");
    }

    [Test]
    public void ShardsInFlightBelowOneIsRejected()
    {
        var program = ElfLoader.LoadFile(RepoPaths.GuestElf("fibonacci"));
        Assert.Throws<ArgumentOutOfRangeException>(() => Executor.ExecuteStreaming(program, new ExecutionOptions(), shardsInFlight: 0));
    }

    private static ExecutionRecord Read(ShardStream stream) => stream.Records.ReadAsync().AsTask().GetAwaiter().GetResult();

    private static IEnumerable<ExecutionRecord> ReadAll(ShardStream stream)
    {
        while (stream.Records.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
        {
            while (stream.Records.TryRead(out var record))
            {
                yield return record;
            }
        }
    }

    private static void AssertSameRecord(ExecutionRecord expected, ExecutionRecord actual)
    {
        var shard = $"shard {expected.Shard}";
        Assert.That(actual.Shard, Is.EqualTo(expected.Shard));
        Assert.That(actual.PublicValueElements(), Is.EqualTo(expected.PublicValueElements()), shard);
        Assert.That(actual.Cpu.ToArray(), Is.EqualTo(expected.Cpu.ToArray()), shard);
        Assert.That(actual.AddSub.ToArray(), Is.EqualTo(expected.AddSub.ToArray()), shard);
        Assert.That(actual.Bitwise.ToArray(), Is.EqualTo(expected.Bitwise.ToArray()), shard);
        Assert.That(actual.Lt.ToArray(), Is.EqualTo(expected.Lt.ToArray()), shard);
        Assert.That(actual.ShiftLeft.ToArray(), Is.EqualTo(expected.ShiftLeft.ToArray()), shard);
        Assert.That(actual.ShiftRight.ToArray(), Is.EqualTo(expected.ShiftRight.ToArray()), shard);
        Assert.That(actual.Mul.ToArray(), Is.EqualTo(expected.Mul.ToArray()), shard);
        Assert.That(actual.DivRem.ToArray(), Is.EqualTo(expected.DivRem.ToArray()), shard);
        Assert.That(actual.MemoryLocal.ToArray(), Is.EqualTo(expected.MemoryLocal.ToArray()), shard);
        Assert.That(actual.Syscalls.ToArray(), Is.EqualTo(expected.Syscalls.ToArray()), shard);
        Assert.That(actual.MemoryInitialize.ToArray(), Is.EqualTo(expected.MemoryInitialize.ToArray()), shard);
        Assert.That(actual.MemoryFinalize.ToArray(), Is.EqualTo(expected.MemoryFinalize.ToArray()), shard);
    }
}
