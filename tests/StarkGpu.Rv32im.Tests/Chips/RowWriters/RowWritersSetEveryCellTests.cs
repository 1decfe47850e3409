using StarkGpu.Kernels.Counting;
using StarkGpu.Kernels.Traces;
using StarkGpu.Rv32im.Chips.Alu;
using StarkGpu.Rv32im.Chips.Memory;
using StarkGpu.Rv32im.Events;
using StarkGpu.Rv32im.Isa;
using StarkGpu.Rv32im.Tests.Chips.Support;

namespace StarkGpu.Rv32im.Tests.Chips.RowWriters;

/// <summary>
/// Every row writer of the ALU chips and of MemoryLocal sets each of its Width cells (exactly once) on seeded
/// random and edge-case events, accepts them, and writes nothing outside its row.
/// </summary>
public sealed class RowWritersSetEveryCellTests
{
    private const int Seed = 20_261_204;

    [Test]
    public void AddSub() => AssertEveryCellSet<AddSubRow, AluEvent>(AluEvents(Opcode.Add, Opcode.Sub));

    [Test]
    public void Bitwise() => AssertEveryCellSet<BitwiseRow, AluEvent>(AluEvents(Opcode.Xor, Opcode.Or, Opcode.And));

    [Test]
    public void Lt() => AssertEveryCellSet<LtRow, AluEvent>(AluEvents(Opcode.Slt, Opcode.Sltu));

    [Test]
    public void ShiftLeft() => AssertEveryCellSet<ShiftLeftRow, AluEvent>(AluEvents(Opcode.Sll));

    [Test]
    public void ShiftRight() => AssertEveryCellSet<ShiftRightRow, AluEvent>(AluEvents(Opcode.Srl, Opcode.Sra));

    [Test]
    public void Mul() => AssertEveryCellSet<MulRow, AluEvent>(AluEvents(Opcode.Mul, Opcode.Mulh, Opcode.Mulhu, Opcode.Mulhsu));

    [Test]
    public void DivRem() => AssertEveryCellSet<DivRemRow, AluEvent>(AluEvents(Opcode.Div, Opcode.Divu, Opcode.Rem, Opcode.Remu));

    [Test]
    public void MemoryLocal() => AssertEveryCellSet<MemoryLocalRow, MemoryLocalEvent>(MemoryLocalEvents());

    [Test]
    public void AnAluEventOfAnotherChipIsRefused()
    {
        var row = new CellRecordingRow(DivRemColumns.Width);
        var counters = default(NoCounters);
        var add = AluEventSamples.Event(Opcode.Add, 1, 2);
        Assert.Multiple(() =>
        {
            Assert.That(BitwiseRow.Write(in add, 0, ref row, ref counters), Is.False);
            Assert.That(LtRow.Write(in add, 0, ref row, ref counters), Is.False);
            Assert.That(ShiftLeftRow.Write(in add, 0, ref row, ref counters), Is.False);
            Assert.That(ShiftRightRow.Write(in add, 0, ref row, ref counters), Is.False);
            Assert.That(MulRow.Write(in add, 0, ref row, ref counters), Is.False);
            Assert.That(DivRemRow.Write(in add, 0, ref row, ref counters), Is.False);
        });
    }

    private static AluEvent[] AluEvents(params Opcode[] opcodes) => AluEventSamples.Create(Seed, 2000, opcodes);

    private static MemoryLocalEvent[] MemoryLocalEvents()
    {
        var random = new Random(Seed);
        var events = new MemoryLocalEvent[2000];
        for (var i = 0; i < events.Length; i++)
        {
            events[i] = new MemoryLocalEvent
            {
                Address = (uint)random.NextInt64(0, 1L << 32),
                Initial = RandomState(random),
                Final = RandomState(random),
            };
        }

        return events;
    }

    private static MemoryState RandomState(Random random) => new()
    {
        Shard = (uint)random.NextInt64(0, 1L << 32),
        Timestamp = (uint)random.NextInt64(0, 1L << 32),
        Value = (uint)random.NextInt64(0, 1L << 32),
    };

    private static void AssertEveryCellSet<TWriter, TEvent>(TEvent[] events)
        where TWriter : struct, IRowWriter<TEvent>
        where TEvent : unmanaged
    {
        var row = new CellRecordingRow(TWriter.Width);
        var counters = default(NoCounters);
        for (var i = 0; i < events.Length; i++)
        {
            row.Clear();
            var accepted = TWriter.Write(in events[i], i, ref row, ref counters);
            var unset = Enumerable.Range(0, TWriter.Width).Where(column => row.Sets[column] == 0).ToArray();
            var twice = Enumerable.Range(0, TWriter.Width).Where(column => row.Sets[column] > 1).ToArray();
            if (!accepted || unset.Length > 0 || twice.Length > 0 || row.OutOfRow > 0)
            {
                Assert.Fail(
                    $"{typeof(TWriter).Name}, event {i} ({events[i]}): accepted {accepted}, columns never set [{string.Join(", ", unset)}], " +
                    $"set twice [{string.Join(", ", twice)}], {row.OutOfRow} cells outside the row");
            }
        }
    }
}
