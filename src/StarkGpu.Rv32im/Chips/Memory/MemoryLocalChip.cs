using CommunityToolkit.HighPerformance;
using StarkGpu.Device;
using StarkGpu.Engine.Air;
using StarkGpu.Engine.Chips;
using StarkGpu.Fields;
using StarkGpu.Kernels.Counting;
using StarkGpu.Kernels.Host;
using StarkGpu.Rv32im.Chips.Alu.Shared;
using StarkGpu.Rv32im.Elf;
using StarkGpu.Rv32im.Chips.Rows;
using StarkGpu.Rv32im.Events;
using static StarkGpu.Rv32im.Chips.Memory.MemoryLocalColumns;

namespace StarkGpu.Rv32im.Chips.Memory;

/// <summary>
/// Connects a shard's memory to the rest of the execution: one row per <see cref="ExecutionRecord.MemoryLocal"/>
/// event. On the shard's <see cref="Rv32imBuses.Memory"/> bus it sends the address's initial state (which the
/// shard's first access receives) and receives its final state (which the last access sends); on
/// <see cref="Rv32imBuses.MemoryGlobal"/> it does the opposite, so that across shards each state handed over is
/// produced exactly once and consumed exactly once.
/// </summary>
/// <remarks>
/// Only is_real is constrained (boolean): every other cell is pinned by the buses. Value limbs need no range
/// check here: a final value is the value of a Cpu access (range-checked there), and an initial value must equal
/// a final value of an earlier shard or a MemoryInit / MemoryProgram value, both range-checked or committed.
/// </remarks>
public sealed class MemoryLocalChip : RowWriterChip<MemoryLocalEvent>
{
    public const string ChipName = "MemoryLocal";

    public override string Name => ChipName;

    protected override IRowOperations<MemoryLocalEvent> Rows => RowOperations<MemoryLocalEvent, MemoryLocalRow>.Instance;

    public override void Eval<TExpr>(IAirBuilder<TExpr> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var address = builder.Local(Address);
        var initialShard = builder.Local(InitialShard);
        var initialTimestamp = builder.Local(InitialTimestamp);
        var initialValue = WordLimbs.Local(builder, InitialValue);
        var finalShard = builder.Local(FinalShard);
        var finalTimestamp = builder.Local(FinalTimestamp);
        var finalValue = WordLimbs.Local(builder, FinalValue);
        var isReal = builder.Local(IsReal);

        builder.AssertBool("is_real is boolean", isReal);
        MemoryBus.Send(builder, Rv32imBuses.Memory, address, initialShard, initialTimestamp, initialValue, isReal);
        MemoryBus.Receive(builder, Rv32imBuses.Memory, address, finalShard, finalTimestamp, finalValue, isReal);
        MemoryBus.Receive(builder, Rv32imBuses.MemoryGlobal, address, initialShard, initialTimestamp, initialValue, isReal);
        MemoryBus.Send(builder, Rv32imBuses.MemoryGlobal, address, finalShard, finalTimestamp, finalValue, isReal);
    }

    public override EventList<MemoryLocalEvent> Events(ExecutionRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return record.MemoryLocal;
    }

    protected override string? Describe(ExecutionRecord record, int row) => DescribeRow(record, row);

    /// <summary>For trace comparisons: the event behind a row.</summary>
    public static string? DescribeRow(ExecutionRecord record, int row)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (row >= record.MemoryLocal.Count)
        {
            return null;
        }

        ref readonly var e = ref record.MemoryLocal[row];
        return $"address 0x{e.Address:x8}: ({e.Initial.Shard}, {e.Initial.Timestamp}, 0x{e.Initial.Value:x8}) -> " +
               $"({e.Final.Shard}, {e.Final.Timestamp}, 0x{e.Final.Value:x8})";
    }
}
