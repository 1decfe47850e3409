using System.Threading.Channels;
using StarkGpu.Device;
using StarkGpu.Engine.Scheduling;
using StarkGpu.Engine.SelfTest.Toy;

namespace StarkGpu.Engine.Tests.Scheduling;

/// <summary><see cref="ShardPipeline"/>: records traced in order as they come, and no permit held after a failure.</summary>
public sealed class ShardPipelineTests
{
    [Test]
    public async Task TracesEveryRecordInOrderAndReleasesItsPermit()
    {
        using var accelerator = Accelerators.Cpu();
        using var semaphore = new ProverSemaphore();
        var generator = new TraceGenerator<ToyRecord, ToyProgram>(ToyMachines.Create(), accelerator, semaphore);
        var records = Channel.CreateUnbounded<ToyRecord>();
        var producer = Task.Run(async () =>
        {
            for (var shard = 0; shard < 3; shard++)
            {
                await Task.Delay(20); // the pipeline waits for records that are not there yet
                records.Writer.TryWrite(ToyMachines.OneShard(1, 2, (uint)shard + 3));
            }

            records.Writer.Complete();
        });

        var seen = new List<(int Shard, int Rows)>();
        var report = await ShardPipeline.RunAsync(generator, records.Reader, (record, traces) =>
        {
            Assert.That(semaphore.Available, Is.Zero, "the shard's permit is held while its traces exist");
            seen.Add((record.ShardIndex, traces.Traces["Square"].Height));
            return ValueTask.CompletedTask;
        });
        await producer;

        Assert.That(report.Shards, Is.EqualTo(3));
        Assert.That(seen.Select(s => s.Rows), Is.All.EqualTo(3));
        Assert.That(report.WaitingTime, Is.GreaterThan(TimeSpan.Zero));
        Assert.That(semaphore.Available, Is.EqualTo(1));
    }

    [Test]
    public void AFailingShardEndsThePipelineWithItsErrorAndNoPermitHeld()
    {
        using var accelerator = Accelerators.Cpu();
        using var semaphore = new ProverSemaphore();
        var generator = new TraceGenerator<ToyRecord, ToyProgram>(
            ToyMachines.Create(), accelerator, semaphore, new TraceGeneratorOptions { MaxLogRowCount = 8 }); // ByteTable has 2^8 rows
        var records = Channel.CreateUnbounded<ToyRecord>();
        records.Writer.TryWrite(ToyMachines.OneShard(1, 2));
        records.Writer.TryWrite(ToyMachines.OneShard([.. Enumerable.Range(0, 300).Select(i => (uint)i % 256)])); // 300 rows > 2^8
        records.Writer.Complete();

        var consumed = 0;
        var failure = Assert.ThrowsAsync<TraceTooTallException>(() => ShardPipeline.RunAsync(generator, records.Reader, (_, _) =>
        {
            consumed++;
            return ValueTask.CompletedTask;
        }));
        Assert.That(failure!.ChipName, Is.Not.Null);
        Assert.That(consumed, Is.EqualTo(1));
        Assert.That(semaphore.Available, Is.EqualTo(1));

        var thrown = Channel.CreateUnbounded<ToyRecord>();
        thrown.Writer.TryWrite(ToyMachines.OneShard(1, 2));
        thrown.Writer.Complete();
        Assert.ThrowsAsync<InvalidOperationException>(() => ShardPipeline.RunAsync(
            generator, thrown.Reader, (_, _) => throw new InvalidOperationException("the prover failed")));
        Assert.That(semaphore.Available, Is.EqualTo(1), "the consumer's failure released the traces and their permit");
    }
}
