using StarkGpu.Device;
using StarkGpu.Engine.Checking;
using StarkGpu.Engine.Chips;
using StarkGpu.Engine.LogUp;
using StarkGpu.Engine.Machines;
using StarkGpu.Engine.Scheduling;
using StarkGpu.Engine.SelfTest.Toy;
using StarkGpu.Fields;
using Ext = StarkGpu.Fields.BinomialExtension4<StarkGpu.Fields.KoalaBear>;

namespace StarkGpu.Engine.Tests.LogUp;

/// <summary>
/// <c>TraceGenerator.GenerateAuxTracesAsync</c> on the toy machine, cpu backend: the aux traces equal the host
/// reference, the result owns the main traces' permit and every byte, and each failure frees both.
/// </summary>
public sealed class AuxTraceGenerationTests
{
    private const int LogRows = 9;
    private static readonly Machine<ToyRecord, ToyProgram> Machine = ToyMachines.Create();
    private static readonly ToyProgram Program = new();

    [Test]
    public void TheAuxTracesEqualTheHostReferenceAndDisposingFreesEverything()
    {
        using var accelerator = Accelerators.Cpu(new Device.Cpu.CpuAcceleratorOptions { Threads = 2 });
        using var semaphore = new ProverSemaphore(2);
        var generator = Generator(accelerator, semaphore);
        var record = ToyMachines.OneShard(3, 5, 200, 5);
        var challenges = LogUpChallenges.Random(new Random(31));
        using (var preprocessed = generator.GeneratePreprocessedTracesAsync(Program).GetAwaiter().GetResult())
        {
            var main = generator.GenerateMainTracesAsync(record).GetAwaiter().GetResult();
            using (var aux = generator.GenerateAuxTracesAsync(main, preprocessed.Traces, challenges, batchSize: 2).GetAwaiter().GetResult())
            {
                var host = HostAuxTraces.Generate(Machine, HostPreprocessed(), HostShard(record, main.ShardChips), challenges, batchSize: 2);
                Assert.That(aux.Traces.Keys, Is.EqualTo(main.ShardChips));
                var total = Ext.Zero;
                foreach (var (chip, trace) in aux.Traces)
                {
                    Assert.That(trace.ToHostRowMajor(), Is.EqualTo(host[chip].Values), chip);
                    total += trace.ReadCumulativeSum();
                }

                Assert.That(total, Is.EqualTo(Ext.Zero), "one shard that squares and accumulates balances every bus");
                Assert.That(semaphore.Available, Is.Zero, "the aux traces hold the main traces' permit (and the preprocessed its own)");
            }

            Assert.That(main.Permit.IsReleased, Is.True);
            Assert.That(semaphore.Available, Is.EqualTo(1));
        }

        Assert.That(accelerator.Ledger.LiveBytes, Is.Zero);
    }

    [Test]
    public void AZeroFingerprintFreesTheMemoryAndReleasesThePermit()
    {
        using var accelerator = Accelerators.Cpu();
        using var semaphore = new ProverSemaphore(2);
        var generator = Generator(accelerator, semaphore);

        // alpha = bus id + beta * 5: byte 5's send on the byte bus (and the table's receive of it) has fingerprint zero.
        var beta = LogUpChallenges.Random(new Random(32)).Beta;
        var challenges = new LogUpChallenges(Ext.FromBase(KoalaBear.FromSigned(ToyBuses.Byte.Id)) + (beta * KoalaBear.FromCanonical(5)), beta);
        using (var preprocessed = generator.GeneratePreprocessedTracesAsync(Program).GetAwaiter().GetResult())
        {
            var main = generator.GenerateMainTracesAsync(ToyMachines.OneShard(3, 5)).GetAwaiter().GetResult();
            var error = Assert.Throws<ZeroFingerprintException>(() => generator.GenerateAuxTracesAsync(main, preprocessed.Traces, challenges).GetAwaiter().GetResult())!;
            Assert.That((error.ChipName, error.Row, error.Interaction), Is.EqualTo(("ByteTable", 5L, 0)));
            Assert.That(main.Permit.IsReleased, Is.True);
            Assert.That(semaphore.Available, Is.EqualTo(1));
        }

        Assert.That(accelerator.Ledger.LiveBytes, Is.Zero);
    }

    [Test]
    public void CancellationFreesTheMemoryAndReleasesThePermit()
    {
        using var accelerator = Accelerators.Cpu();
        using var semaphore = new ProverSemaphore(2);
        var generator = Generator(accelerator, semaphore);
        using (var preprocessed = generator.GeneratePreprocessedTracesAsync(Program).GetAwaiter().GetResult())
        {
            var main = generator.GenerateMainTracesAsync(ToyMachines.OneShard(3, 5)).GetAwaiter().GetResult();
            using var cancelled = new CancellationTokenSource();
            cancelled.Cancel();
            Assert.That(
                () => generator.GenerateAuxTracesAsync(main, preprocessed.Traces, LogUpChallenges.Random(new Random(33)), cancellationToken: cancelled.Token).GetAwaiter().GetResult(),
                Throws.InstanceOf<OperationCanceledException>());
            Assert.That(main.Permit.IsReleased, Is.True);
        }

        Assert.That(accelerator.Ledger.LiveBytes, Is.Zero);
        Assert.That(semaphore.Available, Is.EqualTo(2));
    }

    [Test]
    public void DisposedMainTracesAreRefused()
    {
        using var accelerator = Accelerators.Cpu();
        using var semaphore = new ProverSemaphore(2);
        var generator = Generator(accelerator, semaphore);
        var main = generator.GenerateMainTracesAsync(ToyMachines.OneShard(3)).GetAwaiter().GetResult();
        main.Dispose();
        Assert.That(
            () => generator.GenerateAuxTracesAsync(main, null, LogUpChallenges.Random(new Random(34))).GetAwaiter().GetResult(),
            Throws.InstanceOf<ObjectDisposedException>());
        Assert.That(accelerator.Ledger.LiveBytes, Is.Zero);
    }

    private static TraceGenerator<ToyRecord, ToyProgram> Generator(Accelerator accelerator, ProverSemaphore semaphore) =>
        new(Machine, accelerator, semaphore, new TraceGeneratorOptions { Backend = TraceBackend.Cpu, MaxLogRowCount = LogRows });

    private static Dictionary<string, HostTrace> HostPreprocessed() =>
        Machine.Chips.Where(c => c.PreprocessedWidth > 0).ToDictionary(c => c.Name, c => c.GenerateHostPreprocessedTrace(Program), StringComparer.Ordinal);

    private static ShardTraces HostShard(ToyRecord record, IReadOnlyList<string> chips) => new(
        0,
        chips.Select(Machine.ByName).ToDictionary(c => c.Name, c => c.Included(record) ? c.GenerateHostMainTrace(record) : HostTrace.Zeros(0, c.Width), StringComparer.Ordinal),
        LogRows,
        record.PublicValues.ToArray());
}
