using StarkGpu.Device;
using StarkGpu.Device.Cpu;
using StarkGpu.Engine.Chips;
using StarkGpu.Engine.LogUp;
using StarkGpu.Engine.Machines;
using StarkGpu.Engine.SelfTest.Toy;
using StarkGpu.Fields;
using Ext = StarkGpu.Fields.BinomialExtension4<StarkGpu.Fields.KoalaBear>;

namespace StarkGpu.Engine.Tests.LogUp;

/// <summary>The device aux trace on the cpu backend equals the host reference bit for bit, and frees what it allocates.</summary>
[TestFixture]
public sealed class DeviceAuxTracesTests
{
    private static readonly Machine<ToyRecord, ToyProgram> Machine = new([new ThreeInteractionChip()], []);
    private CpuAccelerator _accelerator = null!;

    [OneTimeSetUp]
    public void OpenAccelerator() => _accelerator = Accelerators.Cpu(new CpuAcceleratorOptions { Threads = 3 });

    [OneTimeTearDown]
    public void CloseAccelerator() => _accelerator.Dispose();

    // Heights around the chunk sizes, batch sizes that do and do not divide the 3 interactions, small scan and
    // inversion chunks so that many chunks meet.
    [TestCase(1, 0, 1, 64, 1024)]
    [TestCase(5, 3, 2, 7, 2)]
    [TestCase(1000, 10, 2, 64, 7)]
    [TestCase(1024, 10, 3, 1, 1024)]
    [TestCase(3000, 12, 1, 64, 100)]
    public void EqualsTheHostReference(int height, int logRowCount, int batchSize, int inversionChunk, int scanChunk)
    {
        var challenges = LogUpChallenges.Random(new Random(height));
        var random = new Random(height + 1);
        var trace = ThreeInteractionChip.Trace([.. Enumerable.Range(0, height).Select(_ => ((uint)random.Next(1 << 24), (uint)random.Next(5)))]);
        var host = HostAuxTraces.GenerateChip(
            Machine.Chips[0], Machine.Symbolic("Three"), trace, null, [], logRowCount, challenges, batchSize);
        using (var stream = _accelerator.CreateStream())
        {
            using var main = Upload(stream, trace);
            using var device = DeviceAuxTraces.Generate(
                stream, "Three", Machine.Symbolic("Three"), main, null, [], 1L << logRowCount, challenges, batchSize, inversionChunk, scanChunk);
            Assert.That((device.Layout, device.Height), Is.EqualTo((host.Layout, host.Height)));
            Assert.That(device.ToHostRowMajor(), Is.EqualTo(host.Values));
            Assert.That(device.ReadCumulativeSum(), Is.EqualTo(host.CumulativeSum));
        }

        Assert.That(_accelerator.Ledger.LiveBytes, Is.Zero, "device bytes still live");
    }

    [Test]
    public void AZeroFingerprintIsNamedAndNothingLeaks()
    {
        var beta = LogUpChallenges.Random(new Random(9)).Beta;
        var challenges = new LogUpChallenges(Ext.FromBase(KoalaBear.FromCanonical(22)) + (beta * KoalaBear.FromCanonical(9)), beta);
        using (var stream = _accelerator.CreateStream())
        {
            using var main = Upload(stream, ThreeInteractionChip.Trace((5, 2), (9, 1), (4, 4)));
            var error = Assert.Throws<ZeroFingerprintException>(() => DeviceAuxTraces.Generate(stream, "Three", Machine.Symbolic("Three"), main, null, [], 4, challenges))!;
            Assert.That((error.ChipName, error.Row, error.Interaction), Is.EqualTo(("Three", 1L, 2)));
        }

        Assert.That(_accelerator.Ledger.LiveBytes, Is.Zero, "device bytes still live");
    }

    [Test]
    public void APaddingRowThatInteractsIsRefused()
    {
        var machine = new Machine<ToyRecord, ToyProgram>([new PaddingSenderChip()], []);
        using (var stream = _accelerator.CreateStream())
        {
            using var main = Upload(stream, HostTrace.Zeros(2, 1));
            Assert.That(
                () => DeviceAuxTraces.Generate(stream, "PaddingSender", machine.Symbolic("PaddingSender"), main, null, [], 4, LogUpChallenges.Random(new Random(8))),
                Throws.InstanceOf<LogUpException>().With.Message.Contains("chip PaddingSender: interaction #0 has multiplicity 1 on padding row 2"));
        }

        Assert.That(_accelerator.Ledger.LiveBytes, Is.Zero, "device bytes still live");
    }

    [TestCase(1, 1)]
    [TestCase(1000, 1)]
    [TestCase(1000, 33)]
    [TestCase(4096, 1024)]
    public void TheScanIsTheSequentialPrefixSum(int length, int chunk)
    {
        var random = new Random(length);
        var input = Enumerable.Range(0, length).Select(_ => LogUpChallenges.Random(random).Alpha).ToArray();
        using var stream = _accelerator.CreateStream();
        using var buffer = stream.Upload<Ext>(input);
        using var output = stream.Allocate<Ext>(length);
        DeviceAuxTraces.InclusiveScan(stream, buffer, output.View, chunk);
        var expected = new Ext[length];
        var running = Ext.Zero;
        for (var i = 0; i < length; i++)
        {
            running += input[i];
            expected[i] = running;
        }

        Assert.That(output.ToArray(), Is.EqualTo(expected));
    }

    /// <summary>A host trace as the device holds it: column-major.</summary>
    internal static DeviceMle<KoalaBear> Upload(DeviceStream stream, HostTrace trace)
    {
        var columns = new KoalaBear[trace.Values.Length];
        for (var row = 0; row < trace.Height; row++)
        {
            for (var column = 0; column < trace.Width; column++)
            {
                columns[((long)column * trace.Height) + row] = trace[row, column];
            }
        }

        return new DeviceMle<KoalaBear>(stream.Upload<KoalaBear>(columns), trace.Width, trace.Height);
    }
}
