using ILGPU;
using ILGPU.Runtime;
using ILGPU.Runtime.CPU;
using StarkGpu.Fields;
using StarkGpu.Kernels.Host;
using StarkGpu.Kernels.Launch;
using StarkGpu.Kernels.Traces;
using StarkGpu.Rv32im.Chips.Alu;
using StarkGpu.Rv32im.Chips.ByteLookup;
using StarkGpu.Rv32im.Chips.Memory;
using StarkGpu.Rv32im.Events;
using StarkGpu.Rv32im.Isa;
using StarkGpu.Rv32im.Tests.Chips.Support;

namespace StarkGpu.Rv32im.Tests.Chips.RowWriters;

/// <summary>
/// Each row writer compiles as an ILGPU kernel (the generic <see cref="TraceKernels.WriteRows"/>) and, on ILGPU's
/// CPU accelerator, writes the very bits and byte-lookup counts that the host pass writes with the JIT: the writers
/// keep the kernel rules, and ILGPU compiles them as .NET does.
/// </summary>
[NonParallelizable]
public sealed class RowWritersOnIlgpuTests
{
    private const int Seed = 20_261_205;
    private const int Workers = 4;

    [Test]
    public void AddSub() => AssertKernelEqualsHost<AddSubRow, AluEvent>(AluEvents(Opcode.Add, Opcode.Sub));

    [Test]
    public void Bitwise() => AssertKernelEqualsHost<BitwiseRow, AluEvent>(AluEvents(Opcode.Xor, Opcode.Or, Opcode.And));

    [Test]
    public void Lt() => AssertKernelEqualsHost<LtRow, AluEvent>(AluEvents(Opcode.Slt, Opcode.Sltu));

    [Test]
    public void ShiftLeft() => AssertKernelEqualsHost<ShiftLeftRow, AluEvent>(AluEvents(Opcode.Sll));

    [Test]
    public void ShiftRight() => AssertKernelEqualsHost<ShiftRightRow, AluEvent>(AluEvents(Opcode.Srl, Opcode.Sra));

    [Test]
    public void Mul() => AssertKernelEqualsHost<MulRow, AluEvent>(AluEvents(Opcode.Mul, Opcode.Mulh, Opcode.Mulhu, Opcode.Mulhsu));

    [Test]
    public void DivRem() => AssertKernelEqualsHost<DivRemRow, AluEvent>(AluEvents(Opcode.Div, Opcode.Divu, Opcode.Rem, Opcode.Remu));

    [Test]
    public void MemoryLocal()
    {
        var random = new Random(Seed);
        var events = new MemoryLocalEvent[1000];
        for (var i = 0; i < events.Length; i++)
        {
            events[i] = new MemoryLocalEvent
            {
                Address = (uint)random.NextInt64(0, 1L << 32),
                Initial = new MemoryState { Shard = (uint)random.Next(), Timestamp = (uint)random.NextInt64(0, 1L << 32), Value = (uint)random.NextInt64(0, 1L << 32) },
                Final = new MemoryState { Shard = (uint)random.Next(), Timestamp = (uint)random.NextInt64(0, 1L << 32), Value = (uint)random.NextInt64(0, 1L << 32) },
            };
        }

        AssertKernelEqualsHost<MemoryLocalRow, MemoryLocalEvent>(events);
    }

    private static AluEvent[] AluEvents(params Opcode[] opcodes) => AluEventSamples.Create(Seed, 1000, opcodes);

    private static unsafe void AssertKernelEqualsHost<TWriter, TEvent>(TEvent[] events)
        where TWriter : struct, IRowWriter<TEvent>
        where TEvent : unmanaged
    {
        var width = TWriter.Width;
        var height = events.Length;

        // The host pass: row-major field elements and host counters.
        var hostRows = new KoalaBear[height * width];
        var hostCounts = new uint[ByteLookupTable.CountCells];
        var hostErrors = new uint[2];
        long hostBad;
        fixed (uint* counts = hostCounts)
        fixed (uint* errors = hostErrors)
        {
            var counters = new HostCounters { Table0 = counts, Cells0 = ByteLookupTable.CountCells, Errors = errors };
            hostBad = HostRows.WriteRowMajor<TWriter, TEvent, HostCounters>(events, hostRows, ref counters);
        }

        // The kernel: column-major cells, counted with atomics into one set.
        using var context = Context.Create(builder => builder.CPU());
        using var accelerator = context.CreateCPUAccelerator(0);
        var kernel = accelerator.LoadAutoGroupedStreamKernel<Index1D, ArrayView<TEvent>, ArrayView<uint>, WorkRange, AtomicByteCounters, ArrayView<uint>>(
            TraceKernels.WriteRows<TWriter, TEvent, AtomicByteCounters>);
        using var eventBuffer = accelerator.Allocate1D(events);
        using var trace = accelerator.Allocate1D<uint>((long)height * width);
        using var deviceCounts = accelerator.Allocate1D<uint>(ByteLookupTable.CountCells);
        using var deviceErrors = accelerator.Allocate1D<uint>(2);
        using var badRows = accelerator.Allocate1D([0u, uint.MaxValue]);
        trace.MemSetToZero();
        deviceCounts.MemSetToZero();
        deviceErrors.MemSetToZero();
        var deviceCounters = new AtomicByteCounters { Counts = deviceCounts.View, Errors = deviceErrors.View };
        var range = WorkRange.Chunked(height, Workers);
        kernel(range.Workers, eventBuffer.View, trace.View, range, deviceCounters, badRows.View);
        accelerator.Synchronize();

        var cells = trace.GetAsArray1D();
        var mismatches = new List<string>();
        for (var row = 0; row < height && mismatches.Count < 10; row++)
        {
            for (var column = 0; column < width; column++)
            {
                var host = hostRows[(row * width) + column].Raw;
                var device = cells[((long)column * height) + row];
                if (host != device)
                {
                    mismatches.Add($"row {row} ({events[row]}), column {column}: host 0x{host:x8}, kernel 0x{device:x8}");
                }
            }
        }

        Assert.Multiple(() =>
        {
            Assert.That(mismatches, Is.Empty, typeof(TWriter).Name);
            Assert.That(hostBad, Is.EqualTo(-1L));
            Assert.That(badRows.GetAsArray1D(), Is.EqualTo(new[] { 0u, uint.MaxValue }));
            Assert.That(deviceCounts.GetAsArray1D(), Is.EqualTo(hostCounts), "byte lookup counts");
            Assert.That(deviceErrors.GetAsArray1D(), Is.EqualTo(hostErrors), "lookup errors");
        });
    }
}
