using CommunityToolkit.HighPerformance;
using StarkGpu.Device;
using StarkGpu.Engine.Air;
using StarkGpu.Engine.Chips;
using StarkGpu.Fields;
using StarkGpu.Kernels.Counting;
using StarkGpu.Kernels.Host;
using StarkGpu.Rv32im.Chips.ByteLookup;
using StarkGpu.Rv32im.Chips.Rows;
using StarkGpu.Rv32im.Chips.ProgramTable;
using StarkGpu.Rv32im.Elf;
using StarkGpu.Rv32im.Events;

namespace StarkGpu.Rv32im.Chips.Cpu;

/// <summary>
/// The RV32IM cpu: one row per <see cref="CpuEvent"/> of <see cref="ExecutionRecord.Cpu"/>, in execution order.
/// A row fetches its instruction from the program bus, hands ALU work to the ALU chips over the alu bus, makes its
/// register and data accesses on the memory bus, raises ECALLs on the syscall bus and range-checks the words it
/// writes; its constraints (<see cref="CpuConstraints"/>) tie the rows together, and to the shard's public values
/// (<see cref="CpuPublicValues"/>). Columns: <see cref="CpuColumns"/>;
/// rows and the lookups they send: <see cref="CpuRows"/>, on the host and in the generic trace kernel.
/// </summary>
public sealed class CpuChip : RowWriterChip<CpuEvent>, IByteLookupSource
{
    public const string ChipName = "Cpu";

    public override string Name => ChipName;

    protected override IRowOperations<CpuEvent> Rows => RowOperations<CpuEvent, CpuRows>.Instance;

    /// <summary>Its rows count their pcs for the Program chip while the trace is written.</summary>
    protected override bool CountsProgramRows => true;

    public override void Eval<TExpr>(IAirBuilder<TExpr> builder)
    {
        var local = CpuRow.Local(builder);
        var next = CpuRow.Next(builder);
        CpuConstraints.Eval(builder, local, next);
        CpuPublicValues.Eval(builder, local, next);
        CpuInteractions.Eval(builder, local);
        CpuControlFlow.Eval(builder, local);
        CpuMemoryAccess.Eval(builder, local);
        CpuSubWordAccess.Eval(builder, local);
    }

    public override EventList<CpuEvent> Events(ExecutionRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return record.Cpu;
    }

    /// <summary>The error for row <paramref name="row"/>, which <see cref="CpuRows"/> refused: its opcode has no instruction class.</summary>
    protected override Exception RefusedRow(ExecutionRecord record, long row)
    {
        ref readonly var e = ref record.Cpu[(int)row];
        return new InvalidOperationException(
            $"chip {ChipName}, row {row}: opcode {e.Opcode} ({(uint)e.Opcode}) at pc 0x{e.Pc:x8} belongs to no instruction class " +
            "(UNIMP and EBREAK never execute, and no other value is an opcode)");
    }

    protected override string? Describe(ExecutionRecord record, int row) => DescribeRow(record, row);

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
