using StarkGpu.Fields;
using StarkGpu.Kernels.Counting;
using StarkGpu.Kernels.Host;
using StarkGpu.Kernels.Traces;
using StarkGpu.Rv32im.Chips.ByteLookup;
using StarkGpu.Rv32im.Chips.Cpu;
using StarkGpu.Rv32im.Chips.ProgramTable;
using StarkGpu.Rv32im.Events;
using StarkGpu.Rv32im.Isa;
using StarkGpu.Rv32im.Tests.Chips.Support;

namespace StarkGpu.Rv32im.Tests.Chips.RowWriters;

/// <summary>
/// The Cpu row writer alone: it sets every cell of its row exactly once (a device trace is not cleared first), on
/// synthetic events with junk in the records a row must ignore and on every shard of real programs; it refuses an
/// opcode of no class; and it counts each row's pc into the Program table.
/// </summary>
public sealed class CpuRowsTests
{
    [Test]
    public void EveryCellIsSetExactlyOnceOnSyntheticEvents()
    {
        using var record = CpuRecords.Synthetic(seed: 21, count: 3000);
        AssertEveryCellSetOnce("synthetic", record);
    }

    [Test]
    public void EveryCellIsSetExactlyOnceOnAHandWrittenProgram()
    {
        using var result = CpuRecords.Run(CpuRecords.HandWritten(), shardSize: 7);
        foreach (var record in result.Shards)
        {
            AssertEveryCellSetOnce("hand-written", record);
        }
    }

    [TestCase("insn_test")]
    [TestCase("memory")]
    [TestCase("hints")]
    public void EveryCellIsSetExactlyOnceOnEveryShardOfAGuest(string guest)
    {
        using var result = CpuRecords.RunGuest(guest);
        foreach (var record in result.Shards)
        {
            AssertEveryCellSetOnce(guest, record);
        }
    }

    [Test]
    public void ImmediateFlagsAreStoredAsBytes()
    {
        // Kernels read events as they lie in the record; ILGPU takes only blittable structs, so no bool fields.
        CpuEvent[] events = [new() { ImmB = true, ImmC = false }];
        var bytes = System.Runtime.InteropServices.MemoryMarshal.AsBytes(events.AsSpan());
        Assert.That((events[0].ImmB, events[0].ImmC), Is.EqualTo((true, false)));
        Assert.That(bytes.ToArray().Count(b => b == 1), Is.EqualTo(1), "one byte holds ImmB = 1");
    }

    [Test]
    public void RowsWrittenOverGarbageEqualTheHostTrace()
    {
        using var record = CpuRecords.Synthetic(seed: 22, count: 1000);
        var expected = new CpuChip().GenerateHostMainTrace(record);
        var cells = new KoalaBear[record.Cpu.Count * CpuRows.Width];
        cells.AsSpan().Fill(KoalaBear.FromCanonical(0x0bad_f00d));
        var counters = default(NoCounters);
        Assert.That(HostRows.WriteRowMajor<CpuRows, CpuEvent, NoCounters>(record.Cpu.Span, cells, ref counters), Is.EqualTo(-1));
        Assert.That(cells, Is.EqualTo(expected.Values));
    }

    [TestCase(Opcode.Ebreak)]
    [TestCase(Opcode.Unimp)]
    [TestCase((Opcode)200)]
    public unsafe void AnOpcodeOfNoClassIsRefusedButItsPcIsCounted(Opcode opcode)
    {
        var e = new CpuEvent { Opcode = opcode, Pc = 0x1008, OpA = 3, A = 0xffff_ffff };
        var bytes = new uint[ByteLookupTable.CountCells];
        var pcs = new uint[4];
        var errors = stackalloc uint[2];
        errors[0] = 0;
        errors[1] = 0;
        fixed (uint* table0 = bytes)
        fixed (uint* table1 = pcs)
        {
            var counters = new HostCounters
            {
                Table0 = table0, Cells0 = ByteLookupTable.CountCells,
                Table1 = table1, Base1 = 0x1000, Shift1 = ProgramCounts.Shift, Cells1 = (uint)pcs.Length,
                Errors = errors,
            };
            var row = default(DiscardedRow);
            Assert.That(CpuRows.Write(in e, 0, ref row, ref counters), Is.False);
        }

        Assert.That(pcs, Is.EqualTo(new uint[] { 0, 0, 1, 0 }), "pc 0x1008 is the third instruction");
        Assert.That(bytes, Is.All.Zero, "a refused row sends no lookups");
        Assert.That((errors[0], errors[1]), Is.EqualTo((0u, 0u)));
    }

    [Test]
    public void ProgramCountsAreTheHistogramOfTheRowsPcs()
    {
        var program = CpuRecords.Guest("fibonacci");
        using var result = CpuRecords.Run(program);
        foreach (var record in CpuRecords.SampleShards(result))
        {
            var counts = new uint[program.Instructions.Length];
            Assert.That(ProgramCounts.CountOnHost(record.Cpu.Span, program.CodeBase, counts), Is.EqualTo(-1));
            var expected = new uint[counts.Length];
            foreach (var e in record.Cpu.ToArray())
            {
                expected[(e.Pc - program.CodeBase) / 4]++;
            }

            Assert.That(counts, Is.EqualTo(expected));
        }
    }

    [Test]
    public void TheFirstPcOutsideTheProgramIsFound()
    {
        using var record = CpuRecords.Synthetic(seed: 23, count: 50);
        var events = record.Cpu.ToArray();
        for (var i = 0; i < events.Length; i++)
        {
            events[i].Pc = i is 31 or 40 ? 0x2002u : 0x2000u + (4 * (uint)(i % 8));
        }

        Assert.That(ProgramCounts.CountOnHost(events, 0x2000, new uint[8]), Is.EqualTo(31));
        Assert.That(ProgramCounts.CountOnHost(events.AsSpan(0, 31), 0x2000, new uint[8]), Is.EqualTo(-1));
        Assert.That(ProgramCounts.CountOnHost(events.AsSpan(0, 31), 0x2000, []), Is.Zero, "an empty program has no pc");
    }

    private static void AssertEveryCellSetOnce(string name, ExecutionRecord record)
    {
        var trace = new CpuChip().GenerateHostMainTrace(record);
        var events = record.Cpu.Span;
        var row = new RecordingRow { Writes = new int[CpuRows.Width], Cells = new KoalaBear[CpuRows.Width] };
        var counters = default(NoCounters);
        for (var i = 0; i < events.Length; i++)
        {
            Array.Clear(row.Writes);
            Assert.That(CpuRows.Write(in events[i], i, ref row, ref counters), Is.True, $"{name}: row {i}");
            for (var column = 0; column < CpuRows.Width; column++)
            {
                if (row.Writes[column] != 1 || row.Cells[column] != trace[i, column])
                {
                    Assert.Fail($"{name}: row {i} ({CpuChip.DescribeRow(record, i)}), column {column} written {row.Writes[column]} times, " +
                        $"{row.Cells[column]} where the host trace has {trace[i, column]}");
                }
            }
        }
    }

    /// <summary>Records each cell's value and how often it was set.</summary>
    private struct RecordingRow : ITraceRow
    {
        public int[] Writes;
        public KoalaBear[] Cells;

        public readonly void SetCanonical(int column, uint value) => Set(column, KoalaBear.FromCanonical(value));

        public readonly void SetByte(int column, uint value)
        {
            Assert.That(value, Is.LessThanOrEqualTo(256u), $"column {column} is set as a byte");
            Set(column, KoalaBear.FromCanonical(value));
        }

        public readonly void SetBool(int column, bool value) => Set(column, value ? KoalaBear.One : KoalaBear.Zero);

        public readonly void SetField(int column, KoalaBear value) => Set(column, value);

        private readonly void Set(int column, KoalaBear value)
        {
            Writes[column]++;
            Cells[column] = value;
        }
    }
}
