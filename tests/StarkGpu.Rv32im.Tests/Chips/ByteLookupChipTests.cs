using StarkGpu.Device;
using StarkGpu.Engine.Equality;
using StarkGpu.Fields;
using StarkGpu.Kernels.Counting;
using StarkGpu.Kernels.Traces;
using StarkGpu.Rv32im.Chips;
using StarkGpu.Rv32im.Chips.Alu;
using StarkGpu.Rv32im.Chips.Alu.Shared;
using StarkGpu.Rv32im.Chips.ByteLookup;
using StarkGpu.Rv32im.Events;
using StarkGpu.Rv32im.Isa;
using StarkGpu.Rv32im.Tests.Chips.Support;

namespace StarkGpu.Rv32im.Tests.Chips;

public sealed class ByteLookupChipTests
{
    private static readonly Opcode[] AllOpcodes = [Opcode.Add, Opcode.Sub, Opcode.Xor, Opcode.Or, Opcode.And, Opcode.Slt, Opcode.Sltu];

    private static AluChip[] AluChips() => [new AddSubChip(), new BitwiseChip(), new LtChip()];

    private static string DescribeRow(int row) => $"b = {row >> 8}, c = {row & 0xff}";

    [Test]
    public void TheTableHoldsEveryOperationOfEveryBytePair()
    {
        var table = ChipHarness.ByteTable;
        foreach (var (b, c) in new (uint, uint)[] { (0, 0), (0xff, 0xff), (0x80, 0x7f), (0x0f, 0xf0), (3, 200) })
        {
            var row = ByteLookupTable.Row(b, c);
            Assert.That(table[row, ByteLookupColumns.B].Canonical, Is.EqualTo(b));
            Assert.That(table[row, ByteLookupColumns.C].Canonical, Is.EqualTo(c));
            Assert.That(table[row, ByteLookupColumns.And].Canonical, Is.EqualTo(b & c));
            Assert.That(table[row, ByteLookupColumns.Or].Canonical, Is.EqualTo(b | c));
            Assert.That(table[row, ByteLookupColumns.Xor].Canonical, Is.EqualTo(b ^ c));
            Assert.That(table[row, ByteLookupColumns.Ltu].Canonical, Is.EqualTo(b < c ? 1u : 0u));
            Assert.That(table[row, ByteLookupColumns.Msb].Canonical, Is.EqualTo(b >> 7));
        }
    }

    [Test]
    public void PreprocessedHostTableEqualsDeviceTable()
    {
        var chip = new ByteLookupChip([]);
        using var accelerator = Accelerators.Cpu();
        using var stream = accelerator.CreateStream();
        using var output = new DeviceMle<KoalaBear>(
            stream.Allocate<KoalaBear>((long)ByteLookupTable.Rows * ByteLookupColumns.PreprocessedWidth), ByteLookupColumns.PreprocessedWidth, ByteLookupTable.Rows);
        chip.GenerateDevicePreprocessedTrace(null!, stream, output);
        TraceEquality.AssertEqual(chip.Name, ChipHarness.ByteTable, output, DescribeRow);
    }

    [Test]
    public void MultiplicitiesCountedOnTheDeviceEqualTheHostCounts()
    {
        var chip = new ByteLookupChip(AluChips());
        using var record = AluEventSamples.Record(AluEventSamples.Create(7, 5000, AllOpcodes));
        ChipHarness.AssertHostEqualsDevice(chip, record, DescribeRow);
    }

    [Test]
    public void HostOnlySourcesSeedTheDeviceCounters()
    {
        var hostOnly = new ListedByteLookups("HostOnly", onDevice: false, (ByteOpcode.Xor, 1, 2), (ByteOpcode.U8Range, 255, 0), (ByteOpcode.Xor, 1, 2));
        var listedOnDevice = new ListedByteLookups("Listed", onDevice: true, (ByteOpcode.Msb, 0x80, 0), (ByteOpcode.Xor, 1, 2));
        var chip = new ByteLookupChip([.. AluChips(), hostOnly, listedOnDevice]);
        using var record = AluEventSamples.Record(AluEventSamples.Create(8, 200, AllOpcodes));
        ChipHarness.AssertHostEqualsDevice(chip, record, DescribeRow);

        using var onlyListed = AluEventSamples.Record();
        var host = chip.GenerateHostMainTrace(onlyListed);
        Assert.That(host[ByteLookupTable.Row(1, 2), ByteLookupColumns.Multiplicity(ByteOpcode.Xor)].Canonical, Is.EqualTo(3));
        Assert.That(host[ByteLookupTable.Row(0x80, 0), ByteLookupColumns.Multiplicity(ByteOpcode.Msb)].Canonical, Is.EqualTo(1));
        Assert.That(host.Values.Count(v => !v.IsZero), Is.EqualTo(3));
        ChipHarness.AssertHostEqualsDevice(chip, onlyListed, DescribeRow);
    }

    [Test]
    public void AnOutOfRangeLookupOnTheHostNamesTheSource()
    {
        var chip = new ByteLookupChip([new ListedByteLookups("Broken", onDevice: false, (ByteOpcode.And, 256, 0))]);
        using var record = AluEventSamples.Record();
        var e = Assert.Throws<ByteLookupRangeException>(() => chip.GenerateHostMainTrace(record));
        Assert.That(e!.ChipName, Is.EqualTo("Broken"));
        Assert.That(e.Message, Does.Contain("Broken").And.Contain("256"));
    }

    [Test]
    public void ARowWritersOutOfRangeLookupOnTheHostNamesTheSource()
    {
        var chip = new ByteLookupChip([new WrittenByteLookups("Writer", (ByteOpcode.And, 1, 2), (ByteOpcode.Xor, 3, 300))]);
        using var record = AluEventSamples.Record();
        var e = Assert.Throws<ByteLookupRangeException>(() => chip.GenerateHostMainTrace(record));
        Assert.That(e!.ChipName, Is.EqualTo("Writer"));
        Assert.That(e.Message, Does.Contain("chip Writer").And.Contain("1 byte lookups"));
    }

    [Test]
    public void ARowWritersRefusedRowOnTheHostNamesTheSourceAndRow()
    {
        var chip = new ByteLookupChip([new WrittenByteLookups("Writer", (ByteOpcode.And, 1, 2), (WrittenByteLookups.Refused, 0, 0))]);
        using var record = AluEventSamples.Record();
        var e = Assert.Throws<InvalidOperationException>(() => chip.GenerateHostMainTrace(record));
        Assert.That(e!.Message, Does.Contain("chip Writer, row 1"));
    }

    [Test]
    public void AnOutOfRangeLookupOnTheDeviceIsFlaggedAndNamesTheSource()
    {
        var chip = new ByteLookupChip([
            new ListedByteLookups("Fine", onDevice: true, (ByteOpcode.Or, 1, 1)),
            new ListedByteLookups("Broken", onDevice: true, (ByteOpcode.Or, 1, 1), (ByteOpcode.Ltu, 3, 999), ((ByteOpcode)6, 0, 0)),
        ]);
        using var record = AluEventSamples.Record();
        var e = Assert.Throws<ByteLookupRangeException>(() => ChipHarness.DeviceMainTrace(chip, record));
        Assert.That(e!.ChipName, Is.EqualTo("Broken"));
        Assert.That(e.Message, Does.Contain("2 byte lookup(s)"));
    }

    [Test]
    public void AMachineOfAllAluChipsIsSatisfied()
    {
        using var record = AluEventSamples.Record(AluEventSamples.Create(9, 400, AllOpcodes));
        var report = ChipHarness.Check(ChipHarness.Machine(AluChips()), record);
        Assert.That(report.IsSatisfied, Is.True, report.ToString);
    }

    [Test]
    public void AWrongMultiplicityUnbalancesTheByteBus()
    {
        using var record = AluEventSamples.Record(AluEventSamples.Create(10, 50, AllOpcodes));
        var report = ChipHarness.Check(ChipHarness.Machine(AluChips()), record, traces =>
            ChipHarness.SetCell(traces[ByteLookupChip.ChipName], ByteLookupTable.Row(0, 0), ByteLookupColumns.Multiplicity(ByteOpcode.U8Range), 1));
        Assert.That(report.ConstraintFailureCount, Is.Zero);
        var imbalance = report.BusImbalances.Single();
        Assert.That(imbalance.Bus, Is.EqualTo(Rv32imBuses.Byte));
        Assert.That(imbalance.Tuple.Select(v => v.Canonical), Is.EqualTo(new uint[] { (uint)ByteOpcode.U8Range, 0, 0, 0 }));
    }

    [Test]
    public void AllZeroRowsSatisfyEveryConstraint()
    {
        var report = Engine.Checking.ConstraintChecker.CheckZeroRows(ChipHarness.Machine(AluChips()));
        Assert.That(report.IsSatisfied, Is.True, report.ToString);
    }

    [Test]
    public void IncludedOnlyWhenASourceIs()
    {
        var chip = new ByteLookupChip(AluChips());
        using var empty = AluEventSamples.Record();
        using var lt = AluEventSamples.Record(AluEventSamples.Event(Opcode.Slt, 1, 2));
        Assert.That(chip.Included(empty), Is.False);
        Assert.That(chip.Included(lt), Is.True);
        Assert.That(chip.MainHeight(lt), Is.EqualTo(ByteLookupTable.Rows));
    }

    /// <summary>A source whose lookups come from a row writer, one lookup per event, counted as every chip's are (<see cref="ByteLookupCounts.CountOnHost{TWriter, TEvent}(string, ReadOnlySpan{TEvent}, ByteLookupCounter)"/>).</summary>
    private sealed class WrittenByteLookups(string name, params (ByteOpcode Op, uint B, uint C)[] lookups) : IByteLookupSource
    {
        /// <summary>An opcode the writer refuses.</summary>
        public const ByteOpcode Refused = (ByteOpcode)99;

        public string Name => name;

        public bool Included(ExecutionRecord record) => lookups.Length > 0;

        public void CountByteLookups(ExecutionRecord record, ByteLookupCounter counter) =>
            ByteLookupCounts.CountOnHost<LookupRows, (ByteOpcode Op, uint B, uint C)>(Name, lookups, counter);

        private readonly struct LookupRows : IRowWriter<(ByteOpcode Op, uint B, uint C)>
        {
            public static int Width => 0;

            public static bool Write<TRow, TCounters>(in (ByteOpcode Op, uint B, uint C) e, long index, ref TRow row, ref TCounters counters)
                where TRow : struct, ITraceRow
                where TCounters : struct, ICounters<TCounters>
            {
                if (e.Op == Refused)
                {
                    return false;
                }

                ByteLookupCounts.Add(ref counters, e.Op, e.B, e.C);
                return true;
            }
        }
    }
}
