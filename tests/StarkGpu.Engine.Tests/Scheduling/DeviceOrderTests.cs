using CommunityToolkit.HighPerformance;
using StarkGpu.Device;
using StarkGpu.Engine.Air;
using StarkGpu.Engine.Chips;
using StarkGpu.Engine.Machines;
using StarkGpu.Engine.Scheduling;
using StarkGpu.Engine.SelfTest.Toy;
using StarkGpu.Fields;

namespace StarkGpu.Engine.Tests.Scheduling;

/// <summary>
/// Device jobs of one call: every chip prepares before any runs, jobs run in DeviceOrder (then by name), a consumer
/// finds the scratch its producers filled, and the scratch is freed whether the call succeeds or fails.
/// </summary>
public sealed class DeviceOrderTests
{
    [Test]
    public void ChipsPrepareFirstThenRunInDeviceOrderAndTheConsumerSeesTheProducersWork()
    {
        var log = new List<string>();
        using var accelerator = Accelerators.Cpu();
        var generator = Generator(accelerator, log, failing: null);
        using (var traces = generator.GenerateMainTracesAsync(new ToyRecord(0)).GetAwaiter().GetResult())
        {
            Assert.That(log, Is.EqualTo(new[] { "prepare A.Consumer", "run B.Producer", "run C.Producer", "run A.Consumer" }));
            // Each producer added its number to the tally; the consumer wrote the tally into its trace.
            Assert.That(traces.Traces["A.Consumer"].ToHostRowMajor(1)[0], Is.EqualTo(KoalaBear.FromCanonical(2 + 3)));
        }

        Assert.That(accelerator.Ledger.LiveBytes, Is.Zero);
    }

    [Test]
    public void AFailingProducerIsNamedAndTheScratchIsFreed()
    {
        var log = new List<string>();
        using var accelerator = Accelerators.Cpu();
        var generator = Generator(accelerator, log, failing: "C.Producer");
        var error = Assert.Throws<TraceGenerationException>(() => generator.GenerateMainTracesAsync(new ToyRecord(0)).GetAwaiter().GetResult());
        Assert.That(error!.ChipName, Is.EqualTo("C.Producer"));
        Assert.That(log, Does.Not.Contain("run A.Consumer"));
        Assert.That(accelerator.Ledger.LiveBytes, Is.Zero, "the tally scratch is freed with the call");
    }

    [Test]
    public void AFailingPreparationIsNamedAndNoDeviceJobRuns()
    {
        var log = new List<string>();
        using var accelerator = Accelerators.Cpu();
        var generator = Generator(accelerator, log, failing: "A.Consumer");
        var error = Assert.Throws<TraceGenerationException>(() => generator.GenerateMainTracesAsync(new ToyRecord(0)).GetAwaiter().GetResult());
        Assert.That(error!.ChipName, Is.EqualTo("A.Consumer"));
        Assert.That(error.Message, Does.Contain("preparing"));
        Assert.That(log, Is.EqualTo(new[] { "prepare A.Consumer" }));
        Assert.That(accelerator.Ledger.LiveBytes, Is.Zero);
    }

    private static TraceGenerator<ToyRecord, ToyProgram> Generator(Accelerator accelerator, List<string> log, string? failing)
    {
        Chip<ToyRecord, ToyProgram>[] chips = [new Consumer(log, failing), new Producer("B.Producer", 2, log, failing), new Producer("C.Producer", 3, log, failing)];
        var machine = new Machine<ToyRecord, ToyProgram>(chips, [new Cluster("all", chips.Select(c => c.Name))]);
        return new TraceGenerator<ToyRecord, ToyProgram>(machine, accelerator, new ProverSemaphore(), new TraceGeneratorOptions { Backend = TraceBackend.Cpu });
    }

    /// <summary>One device word that producers add to and the consumer reads.</summary>
    private sealed class Tally(DeviceStream stream) : IDisposable
    {
        public DeviceBuffer<uint> Value { get; } = stream.AllocateZeroed<uint>(1);

        public void Dispose() => Value.Dispose();
    }

    private abstract class OneCellChip(string name) : Chip<ToyRecord, ToyProgram>
    {
        public override string Name => name;

        public override int Width => 1;

        public override bool SupportsDeviceMainTracegen => true;

        public override void Eval<TExpr>(IAirBuilder<TExpr> builder)
        {
        }

        public override bool Included(ToyRecord record) => true;

        public override int MainHeight(ToyRecord record) => 1;

        public override void GenerateMainTrace(ToyRecord record, Span2D<KoalaBear> rows)
        {
        }
    }

    private sealed class Producer(string name, uint amount, List<string> log, string? failing) : OneCellChip(name)
    {
        public override void GenerateDeviceMainTrace(ToyRecord record, DeviceStream stream, DeviceMle<KoalaBear> output) =>
            throw new AssertionException("the scheduler calls the context overload");

        public override void GenerateDeviceMainTrace(ToyRecord record, DeviceTraceContext context, DeviceMle<KoalaBear> output)
        {
            log.Add("run " + Name);
            if (Name == failing)
            {
                throw new InvalidOperationException("producer failed on purpose");
            }

            var tally = context.Find<Tally>()!;
            var value = tally.Value.ToArray()[0] + amount;
            context.Stream.Fill32(tally.Value, value);
            context.Stream.Fill32(output.Storage, KoalaBear.FromCanonical(amount).Raw);
        }
    }

    private sealed class Consumer(List<string> log, string? failing) : OneCellChip("A.Consumer")
    {
        public override int DeviceOrder => 1;

        public override void PrepareDeviceMainTrace(ToyRecord record, DeviceTraceContext context)
        {
            log.Add("prepare " + Name);
            context.Add(new Tally(context.Stream));
            if (Name == failing)
            {
                throw new InvalidOperationException("preparation failed on purpose");
            }
        }

        public override void GenerateDeviceMainTrace(ToyRecord record, DeviceTraceContext context, DeviceMle<KoalaBear> output)
        {
            log.Add("run " + Name);
            var sum = context.Find<Tally>()!.Value.ToArray()[0];
            context.Stream.Fill32(output.Storage, KoalaBear.FromCanonical(sum).Raw);
        }
    }
}
