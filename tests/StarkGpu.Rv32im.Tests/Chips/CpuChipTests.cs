using StarkGpu.Device.Cpu;
using StarkGpu.Engine.Checking;
using StarkGpu.Rv32im.Chips.ByteLookup;
using StarkGpu.Rv32im.Chips.Cpu;
using StarkGpu.Rv32im.Events;
using StarkGpu.Rv32im.Isa;
using StarkGpu.Rv32im.Tests.Chips.Support;

namespace StarkGpu.Rv32im.Tests.Chips;

/// <summary>
/// The Cpu chip's trace generation: host and device (CPU backend) traces and byte-lookup counts equal bit for bit
/// on every shard of real guests and on synthetic events; the kernel's event layout; bad input named.
/// </summary>
public sealed class CpuChipTests
{
    [TestCaseSource(typeof(CpuRecords), nameof(CpuRecords.Guests))]
    public void HostTraceEqualsDeviceTraceOnEveryShardOfAGuest(string guest)
    {
        var chip = new CpuChip();
        using var result = CpuRecords.RunGuest(guest);
        Assert.That(result.Shards, Has.Count.GreaterThan(1), "small shards give several");
        foreach (var record in result.Shards)
        {
            Assert.That(chip.MainHeight(record), Is.EqualTo(record.Cpu.Count));
            ChipHarness.AssertHostEqualsDevice(chip, record, row => CpuChip.DescribeRow(record, row));
        }
    }

    [Test]
    public void HostTraceEqualsDeviceTraceOnSyntheticEvents()
    {
        var chip = new CpuChip();
        using var record = CpuRecords.Synthetic(seed: 11, count: 5000);
        ChipHarness.AssertHostEqualsDevice(chip, record, row => CpuChip.DescribeRow(record, row));
    }

    // The host's column writer streams each column in whole 64-byte lines, splicing 16-row tiles whose cells straddle
    // two lines: with 66 columns, an odd height puts columns at every offset in a line. The CPU accelerator splits the
    // rows into one chunk per worker thread: 2 and 4 threads cut them differently.
    [Test]
    public void HostTraceEqualsDeviceTraceAtEveryLineOffset([Values(2, 4)] int threads, [Values(1, 15, 16, 17, 255, 257, 4099)] int count)
    {
        var chip = new CpuChip();
        using var record = CpuRecords.Synthetic(seed: count, count: count);
        ChipHarness.AssertHostEqualsDevice(chip, record, row => CpuChip.DescribeRow(record, row), threads);
    }

    [Test]
    public void HostTraceEqualsDeviceTraceOnAHandWrittenProgram()
    {
        var chip = new CpuChip();
        using var result = CpuRecords.Run(CpuRecords.HandWritten(), shardSize: 5);
        foreach (var record in result.Shards)
        {
            ChipHarness.AssertHostEqualsDevice(chip, record, row => CpuChip.DescribeRow(record, row));
        }
    }

    [TestCaseSource(typeof(CpuRecords), nameof(CpuRecords.AllGuests))]
    public void ByteLookupsCountedOnTheDeviceEqualTheHostCountOnAGuest(string guest)
    {
        var byteLookup = new ByteLookupChip([new CpuChip()]);
        using var result = CpuRecords.RunGuest(guest);
        foreach (var record in CpuRecords.SampleShards(result))
        {
            ChipHarness.AssertHostEqualsDevice(byteLookup, record);
        }
    }

    [Test]
    public void ByteLookupsCountedOnTheDeviceEqualTheHostCountOnSyntheticEvents()
    {
        using var record = CpuRecords.Synthetic(seed: 12, count: 5000);
        ChipHarness.AssertHostEqualsDevice(new ByteLookupChip([new CpuChip()]), record);
    }

    [Test]
    public void RowsWriteTheEventAndItsClass()
    {
        using var result = CpuRecords.Run(CpuRecords.HandWritten(), shardSize: 1000);
        var record = result.Shards[0];
        var trace = new CpuChip().GenerateHostMainTrace(record);
        var lwX0 = IndexOf(record, e => e.Opcode == Opcode.Lw && e.OpA == 0);
        Assert.Multiple(() =>
        {
            Assert.That(trace[lwX0, CpuColumns.IsLoad].Canonical, Is.EqualTo(1));
            Assert.That(trace[lwX0, CpuColumns.IsWordAccess].Canonical, Is.EqualTo(1));
            Assert.That(trace[lwX0, CpuColumns.OpAIsX0].Canonical, Is.EqualTo(1));
            Assert.That(trace[lwX0, CpuColumns.WordLoadSetsA].Canonical, Is.Zero, "an LW into x0 does not set a");
            Assert.That(trace[lwX0, CpuColumns.MemAddr].Canonical, Is.EqualTo(0x0030_0000));
            Assert.That(trace[lwX0, CpuColumns.MemValue].Canonical, Is.EqualTo(0xfb), "the word is 0xfffffffb");
        });

        var ecall = IndexOf(record, e => e.Opcode == Opcode.Ecall);
        Assert.Multiple(() =>
        {
            Assert.That(trace[ecall, CpuColumns.IsEcall].Canonical, Is.EqualTo(1));
            Assert.That(trace[ecall, CpuColumns.APrev].Canonical, Is.EqualTo(2), "t0 before the call: WRITE");
            Assert.That(trace[ecall, CpuColumns.OpA].Canonical, Is.EqualTo(5));
            Assert.That(trace[ecall, CpuColumns.MemAddr].Canonical, Is.Zero);
        });

        var overflowing = IndexOf(record, e => e.Opcode == Opcode.Lw && e.OpA == 12);
        Assert.Multiple(() =>
        {
            Assert.That(record.Cpu[overflowing].MemoryAddress, Is.EqualTo(0x0030_0004));
            for (var i = 0; i < 4; i++)
            {
                Assert.That(trace[overflowing, CpuColumns.AddrCarry + i].Canonical, Is.EqualTo(1), "0x00300008 + 0xfffffffc carries out of every byte");
            }

            Assert.That(trace[overflowing, CpuColumns.Addr].Canonical, Is.EqualTo(4));
            Assert.That(trace[overflowing, CpuColumns.AddrQ].Canonical, Is.EqualTo(1));
            Assert.That(trace[overflowing, CpuColumns.MemAddr].Canonical, Is.EqualTo(0x0030_0004));
        });

        var lh = IndexOf(record, e => e.Opcode == Opcode.Lh);
        Assert.That(trace[lh, CpuColumns.AddrBit1].Canonical, Is.EqualTo(1), "lh 2(x1)");
        Assert.That(trace[lh, CpuColumns.MemAddr].Canonical, Is.EqualTo(0x0030_0000));

        var addX0 = IndexOf(record, e => e.Opcode == Opcode.Add && e.OpA == 0 && !e.ImmB);
        Assert.That(trace[addX0, CpuColumns.AluSend].Canonical, Is.Zero, "no alu event for a result into x0");
    }

    [Test]
    public void AnEventOfNoInstructionClassIsNamedWithItsRowAndPc()
    {
        using var record = CpuRecords.Synthetic(seed: 13, count: 40);
        var events = record.Cpu.ToArray();
        using var bad = new ExecutionRecord(1, events.Length);
        events[17].Opcode = Opcode.Ebreak;
        events[17].Pc = 0x0020_1234;
        foreach (var e in events)
        {
            bad.Cpu.Add(e);
        }

        var chip = new CpuChip();
        var error = Assert.Throws<InvalidOperationException>(() => chip.GenerateHostMainTrace(bad));
        Assert.That(error!.Message, Does.Contain("Cpu").And.Contain("row 17").And.Contain("0x00201234").And.Contain("Ebreak"));
        var counts = new uint[ByteLookupTable.CountCells];
        Assert.Throws<InvalidOperationException>(() => chip.CountByteLookups(bad, new ByteLookupCounter(counts)));
    }

    [Test]
    public void AllZeroRowsSatisfyEveryConstraintAndSendNothing()
    {
        var report = ConstraintChecker.CheckZeroRows(CpuMachines.Complete(CpuRecords.HandWritten()));
        Assert.That(report.IsSatisfied, Is.True, report.ToString);
    }

    [Test]
    public void ConstraintsHaveDegreeAtMostThree()
    {
        var symbolic = CpuMachines.CpuAndAlu().Symbolic(CpuChip.ChipName);
        Assert.That(symbolic.MaxConstraintDegree, Is.InRange(1, 3));
        Assert.That(symbolic.Interactions.Max(i => i.Degree), Is.InRange(1, 3));
    }

    [Test]
    public void EmptyRecordsAreNotIncludedAndRowsAreDescribed()
    {
        var chip = new CpuChip();
        using var empty = new ExecutionRecord(1, 0);
        Assert.That(chip.Included(empty), Is.False);
        using var record = CpuRecords.Synthetic(seed: 14, count: 3);
        Assert.That(chip.Included(record), Is.True);
        Assert.That(CpuChip.DescribeRow(record, 0), Does.Contain($"pc 0x{record.Cpu[0].Pc:x8}").And.Contain($"clk {record.Cpu[0].Clk}"));
        Assert.That(CpuChip.DescribeRow(record, 3), Is.Null);
    }

    private static int IndexOf(ExecutionRecord record, Func<CpuEvent, bool> predicate)
    {
        var events = record.Cpu.ToArray();
        var index = Array.FindIndex(events, e => predicate(e));
        Assert.That(index, Is.Not.Negative, "the program has such an instruction");
        return index;
    }
}
