using CommunityToolkit.HighPerformance;
using StarkGpu.Device;
using StarkGpu.Engine.Air;
using StarkGpu.Engine.Chips;
using StarkGpu.Fields;
using StarkGpu.Rv32im.Chips.Alu.Shared;
using StarkGpu.Rv32im.Chips.ByteLookup;
using StarkGpu.Rv32im.Chips.ProgramTable;
using StarkGpu.Rv32im.Elf;
using StarkGpu.Rv32im.Events;

namespace StarkGpu.Rv32im.Chips.Cpu;

/// <summary>
/// The RV32IM cpu: one row per <see cref="CpuEvent"/> of <see cref="ExecutionRecord.Cpu"/>, in execution order.
/// A row fetches its instruction from the program bus, hands ALU work to the ALU chips over the alu bus, makes its
/// register and data accesses on the memory bus, raises ECALLs on the syscall bus and range-checks the words it
/// writes; its constraints (<see cref="CpuConstraints"/>) tie the rows together. Columns: <see cref="CpuColumns"/>;
/// kernels: <c>kernels/rv32im/cpu.cu</c>.
/// </summary>
public sealed class CpuChip : EventChip<CpuEvent>, IByteLookupSource
{
    public const string ChipName = "Cpu";

    /// <summary>(const CpuEvent* events, uint64 count, uint32* counts, uint32 sets, uint32 code_base, uint32 instructions, uint32* bad_event): the Program chip's pc counts alone.</summary>
    public const string CountPcsKernel = "cpu_count_pcs";

    public override string Name => ChipName;

    public override int Width => CpuColumns.Width;

    public override bool SupportsDeviceMainTracegen => true;

    public bool SupportsDeviceByteLookupCounting => true;

    public override void Eval<TExpr>(IAirBuilder<TExpr> builder)
    {
        var local = CpuRow.Local(builder);
        var next = CpuRow.Next(builder);
        CpuConstraints.Eval(builder, local, next);
        CpuInteractions.Eval(builder, local);
    }

    public override EventList<CpuEvent> Events(ExecutionRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return record.Cpu;
    }

    public override void GenerateMainTrace(ExecutionRecord record, Span2D<KoalaBear> rows)
    {
        ArgumentNullException.ThrowIfNull(record);
        var events = record.Cpu.Span;
        for (var i = 0; i < events.Length; i++)
        {
            CpuRowWriter.Write(in events[i], rows.GetRowSpan(i), i);
        }
    }

    public override void GenerateDeviceMainTrace(ExecutionRecord record, DeviceStream stream, DeviceMle<KoalaBear> output)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(output);
        using var events = CpuEventLayout.Stage(stream, record.Cpu);
        if (output.Height > 0)
        {
            stream.Launch("cpu_trace", output.Height, events, output.Storage, (long)output.Height);
        }
    }

    /// <summary>
    /// The trace, counting on the way the byte lookups it sends (when the ByteLookup chip's counters expect them) and
    /// the pcs of its rows (when the Program chip's counters are there): the events are read once, not three times.
    /// </summary>
    public override void GenerateDeviceMainTrace(ExecutionRecord record, DeviceTraceContext context, DeviceMle<KoalaBear> output)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(output);
        var bytes = context.Find<ByteLookupScratch>()?.Claim(this);
        var pcs = context.Find<ProgramScratch>() is { } program && program.Claim() ? program : null;
        if (bytes is null && pcs is null)
        {
            GenerateDeviceMainTrace(record, context.Stream, output);
            return;
        }

        var stream = context.Stream;
        using var events = CpuEventLayout.Stage(stream, record.Cpu);
        stream.Launch(
            "cpu_trace_counting", output.Height, events, output.Storage, (long)output.Height,
            bytes?.Counts ?? DevicePointer.Null, bytes?.Errors ?? DevicePointer.Null, bytes?.Replicas ?? 0u,
            pcs?.Counts.Pointer ?? DevicePointer.Null, pcs?.Sets ?? 0u, pcs?.CodeBase ?? 0u, (uint)(pcs?.Instructions ?? 0),
            pcs?.BadEvent.Pointer ?? DevicePointer.Null);
    }

    public void CountByteLookups(ExecutionRecord record, ByteLookupCounter counter)
    {
        ArgumentNullException.ThrowIfNull(record);
        var events = record.Cpu.Span;
        for (var i = 0; i < events.Length; i++)
        {
            CpuRowWriter.Flags(in events[i], i);
            CountEventByteLookups(in events[i], counter);
        }
    }

    public void CountByteLookupsOnDevice(ExecutionRecord record, DeviceStream stream, ByteLookupDeviceCounts counts)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(stream);
        var span = record.Cpu.Span;
        if (span.IsEmpty)
        {
            return;
        }

        using var events = CpuEventLayout.Stage(stream, record.Cpu);
        stream.Launch("cpu_byte_lookups", span.Length, events, (long)span.Length, counts.Counts, counts.Errors, counts.Replicas);
    }

    /// <summary>
    /// The lookups of one event's row: Ltu (0 &lt; op_a), the zero test of op_a; U8Range on the limb pairs of a when
    /// the row writes it (every class but store and branch), of the stored word for a store, and for a load or
    /// store those of the address, of (addr0 &gt;&gt; 2, 0) and of c. An event of no class sends none.
    /// </summary>
    public static void CountEventByteLookups(in CpuEvent e, ByteLookupCounter counter)
    {
        var flags = InstructionClass.Of(e.Opcode);
        if (flags == InstructionFlags.None)
        {
            return;
        }

        counter.Add(ByteOpcode.Ltu, 0, e.OpA);
        if ((flags & InstructionFlags.Store) != 0)
        {
            WordRangeCheck.Count(e.MemoryRecord.Value, counter);
        }
        else if ((flags & InstructionFlags.Branch) == 0)
        {
            WordRangeCheck.Count(e.A, counter);
        }

        if ((flags & (InstructionFlags.Load | InstructionFlags.Store)) != 0)
        {
            WordRangeCheck.Count(e.MemoryAddress, counter);
            counter.AddRange((e.MemoryAddress & 0xff) >> 2, 0);
            WordRangeCheck.Count(e.C, counter);
        }
    }

    /// <summary>For trace comparisons: the instruction behind a row, with its pc and clk.</summary>
    public static string? DescribeRow(ExecutionRecord record, int row)
    {
        ArgumentNullException.ThrowIfNull(record);
        if ((uint)row >= (uint)record.Cpu.Count)
        {
            return null;
        }

        ref readonly var e = ref record.Cpu[row];
        return $"pc 0x{e.Pc:x8} {e.Instruction} clk {e.Clk} (shard {e.Shard})";
    }
}
