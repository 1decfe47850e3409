using StarkGpu.Device.Counting;
using StarkGpu.Fields;
using StarkGpu.Kernels.Counting;
using StarkGpu.Kernels.Traces;

namespace StarkGpu.Device.Tests.Launch;

/// <summary>
/// The generic trace kernel launched the way chips launch it (type arguments inferred from the argument values),
/// counting into <see cref="DeviceCounters"/> with the accelerator's sets, summed by <see cref="DeviceCounting.SumSets{TField}"/>.
/// </summary>
[TestFixture]
public sealed class TraceKernelLaunchTests
{
    [Test]
    public void WritesColumnMajorRowsCountsBytesAndReportsRefusedRows()
    {
        using var accelerator = Accelerators.Cpu();
        var stream = accelerator.DefaultStream;
        const int Rows = 10_001;
        var events = Enumerable.Range(0, Rows).Select(i => new TestEvent { Value = (uint)(i * 7), Refuse = i is 77 or 5000 ? 1u : 0u }).ToArray();

        using var input = stream.Stage<TestEvent>(events);
        using var trace = stream.Allocate<uint>((long)TestRow.Width * Rows);
        using var bad = stream.Upload<uint>([0, uint.MaxValue]);
        var sets = accelerator.CounterSets;
        using var table = stream.AllocateZeroed<uint>(sets * 256L);
        using var errors = stream.AllocateZeroed<uint>(2);
        var counters = new DeviceCounters
        {
            Table0 = table.View, Errors = errors.View, Cells0 = 256, Sets = sets, Exclusive = accelerator.CountersExclusive,
        };

        var range = accelerator.Range(Rows);
        stream.Launch(TraceKernels.WriteRows<TestRow, TestEvent, DeviceCounters>, range.Workers, input.View, trace.View, range, counters, bad.View);

        var cells = trace.ToArray();
        Assert.That(cells[5], Is.EqualTo(KoalaBear.FromCanonical(35).Raw), "a canonical cell holds Montgomery bits");
        Assert.That(cells[Rows + 5], Is.EqualTo(KoalaBear.FromCanonical(35).Raw));
        Assert.That(bad.ToArray(), Is.EqualTo(new uint[] { 2, 77 }));

        using var multiplicities = stream.Allocate<uint>(256);
        DeviceCounting.SumSets<KoalaBear>(stream, table.View, sets, multiplicities.View);
        var expected = new uint[256];
        foreach (var e in events)
        {
            expected[e.Value & 0xff]++;
        }

        Assert.That(multiplicities.ToArray(), Is.EqualTo(expected.Select(c => KoalaBear.FromCanonical(c).Raw).ToArray()));
        Assert.That(errors.ToArray(), Is.EqualTo(new uint[] { 0, 0 }));
    }
}
