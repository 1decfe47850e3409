using System.Runtime.CompilerServices;
using StarkGpu.Device;
using StarkGpu.Engine.Equality;
using StarkGpu.Engine.SelfTest.Toy;
using StarkGpu.Fields;

namespace StarkGpu.Engine.Tests.Equality;

public sealed class TraceEqualityTests
{
    private Accelerator _accelerator = null!;
    private DeviceStream _stream = null!;

    [OneTimeSetUp]
    public void OpenCpuBackend()
    {
        _accelerator = Accelerators.Cpu();
        _stream = _accelerator.CreateStream();
    }

    [OneTimeTearDown]
    public void CloseCpuBackend()
    {
        _stream.Dispose();
        _accelerator.Dispose();
    }

    [Test]
    public void TheSquareKernelWritesTheHostTraceBitForBit()
    {
        var chip = new SquareChip();
        var record = ToyMachines.TwoShards([.. Enumerable.Range(0, 1000).Select(i => (uint)(i * 37 % 256))])[0];
        using var device = DeviceTrace(chip, record);

        var comparison = TraceEquality.Compare(chip.Name, chip.GenerateHostMainTrace(record), device);

        Assert.That(comparison.IsEqual, Is.True, comparison.Report);
        Assert.That(comparison.Report, Is.EqualTo("chip Square: host and device traces are equal"));
        Assert.DoesNotThrow(() => TraceEquality.AssertEqual(chip.Name, chip.GenerateHostMainTrace(record), device));
    }

    [Test]
    public void TheFirstMismatchesAreReportedWithRowColumnEventAndRawBits()
    {
        var chip = new SquareChip();
        var record = ToyMachines.TwoShards(3, 5, 7, 9)[0];
        using var device = DeviceTrace(chip, record);
        Corrupt(device, row: 2, column: SquareChip.Y, KoalaBear.FromCanonical(50));
        Corrupt(device, row: 3, column: SquareChip.X, KoalaBear.FromCanonical(10));
        Corrupt(device, row: 3, column: SquareChip.IsReal, KoalaBear.Zero);

        var comparison = TraceEquality.Compare(chip.Name, chip.GenerateHostMainTrace(record), device, row => SquareChip.DescribeRow(record, row), maxMismatches: 2);

        Assert.That(comparison.IsEqual, Is.False);
        Assert.That((comparison.MismatchCount, comparison.MismatchedRowCount), Is.EqualTo((3L, 2L)));
        var first = comparison.Mismatches[0];
        Assert.That((first.Row, first.Column, first.Event, first.IsPadding), Is.EqualTo((2, SquareChip.Y, "square of 7", false)));
        Assert.That((first.ExpectedRaw, first.ActualRaw), Is.EqualTo((KoalaBear.FromCanonical(49).Raw, KoalaBear.FromCanonical(50).Raw)));
        Assert.That(comparison.Mismatches.Select(m => (m.Row, m.Column)), Is.EqualTo(new[] { (2, 1), (3, 0) }));
        Assert.That(comparison.Report, Does.StartWith("chip Square: 3 mismatching cell(s) in 2 row(s); first ones:")
            .And.Contain("row 2 (event: square of 7)")
            .And.Contain($"column 1: expected raw 0x{KoalaBear.FromCanonical(49).Raw:x8} (= 49), actual raw 0x{KoalaBear.FromCanonical(50).Raw:x8} (= 50)"));
    }

    [Test]
    public void PaddingRowsAndBitsOutsideTheFieldAreNamed()
    {
        // Four rows, the last two padding; the device wrote 0xffffffff, no field element, into a padding row.
        var expected = new KoalaBear[8];
        var actual = new KoalaBear[8];
        actual[(1 * 4) + 3] = Unsafe.BitCast<uint, KoalaBear>(0xffffffffu);

        var comparison = TraceEquality.Compare("T", expected, 4, 2, actual, 4, 2, row => row < 2 ? "event" : null);

        var mismatch = comparison.Mismatches.Single();
        Assert.That((mismatch.Row, mismatch.Column, mismatch.IsPadding), Is.EqualTo((3, 1, true)));
        Assert.That(comparison.Report, Does.Contain("row 3 (padding)").And.Contain("actual raw 0xffffffff (not below p)"));
    }

    [Test]
    public void DifferentShapesAreAMismatch()
    {
        var comparison = TraceEquality.Compare("T", new KoalaBear[6], 3, 2, new KoalaBear[6], 2, 3);
        Assert.That(comparison.IsEqual, Is.False);
        Assert.That(comparison.Report, Is.EqualTo("chip T: host trace is 3 x 2, device trace 2 x 3 (rows x columns)"));
    }

    [Test]
    public void AssertEqualThrowsWithTheReport()
    {
        var chip = new SquareChip();
        var record = ToyMachines.TwoShards(3, 5)[0];
        using var device = DeviceTrace(chip, record);
        Corrupt(device, row: 0, column: SquareChip.X, KoalaBear.One);

        var e = Assert.Throws<TraceMismatchException>(() =>
            TraceEquality.AssertEqual(chip.Name, chip.GenerateHostMainTrace(record), device, row => SquareChip.DescribeRow(record, row)));
        Assert.That(e!.Message, Does.Contain("row 0 (event: square of 3)"));
        Assert.That(e.Comparison!.MismatchCount, Is.EqualTo(1));
    }

    private DeviceMle<KoalaBear> DeviceTrace(SquareChip chip, ToyRecord record)
    {
        var height = chip.MainHeight(record);
        var output = new DeviceMle<KoalaBear>(_stream.Allocate<KoalaBear>((long)chip.Width * height), chip.Width, height);
        chip.GenerateDeviceMainTrace(record, _stream, output);
        _stream.Synchronize();
        return output;
    }

    private void Corrupt(DeviceMle<KoalaBear> trace, int row, int column, KoalaBear value) =>
        _stream.CopyToDevice<KoalaBear>([value], trace.Storage, ((long)column * trace.Height) + row);
}
