using CommunityToolkit.HighPerformance;
using StarkGpu.Device;
using StarkGpu.Engine.Air;
using StarkGpu.Engine.Chips;
using StarkGpu.Fields;
using StarkGpu.Kernels.Counting;
using StarkGpu.Kernels.Host;
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
/// rows and the lookups they send: <see cref="CpuRows"/>; kernels: <c>kernels/rv32im/cpu.cu</c>.
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

    /// <exception cref="InvalidOperationException">An event's opcode belongs to no instruction class (named with its row and pc).</exception>
    public override void GenerateMainTrace(ExecutionRecord record, Span2D<KoalaBear> rows)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (!rows.TryGetSpan(out var cells))
        {
            throw new ArgumentException("the trace rows must be contiguous", nameof(rows));
        }

        var counters = default(NoCounters);
        var bad = HostRows.WriteRowMajor<CpuRows, CpuEvent, NoCounters>(record.Cpu.Span, cells, ref counters);
        if (bad >= 0)
        {
            throw RefusedRow(record, bad);
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

    /// <exception cref="InvalidOperationException">An event's opcode belongs to no instruction class.</exception>
    public void CountByteLookups(ExecutionRecord record, ByteLookupCounter counter)
    {
        ArgumentNullException.ThrowIfNull(record);
        ByteLookupCounts.CountOnHost<CpuRows, CpuEvent>(Name, record.Cpu.Span, counter, row => RefusedRow(record, row).Message);
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

    /// <summary>The error for row <paramref name="row"/>, which <see cref="CpuRows"/> refused: its opcode has no instruction class.</summary>
    private static InvalidOperationException RefusedRow(ExecutionRecord record, long row)
    {
        ref readonly var e = ref record.Cpu[(int)row];
        return new InvalidOperationException(
            $"chip {ChipName}, row {row}: opcode {e.Opcode} ({(uint)e.Opcode}) at pc 0x{e.Pc:x8} belongs to no instruction class " +
            "(UNIMP and EBREAK never execute, and no other value is an opcode)");
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
