using CommunityToolkit.HighPerformance;
using StarkGpu.Engine.Air;
using StarkGpu.Engine.Chips;
using StarkGpu.Fields;
using StarkGpu.Rv32im.Elf;
using StarkGpu.Rv32im.Events;
using static StarkGpu.Rv32im.Chips.Syscall.SyscallColumns;

namespace StarkGpu.Rv32im.Chips.Syscall;

/// <summary>
/// The syscalls of a shard, one row per <see cref="ExecutionRecord.Syscalls"/> event, each receiving its
/// (shard, clk, syscall_id, arg1, arg2, pc, next_pc, result) from the Cpu chip's ECALL row. The chip proves that
/// every ECALL the Cpu executed is listed here once, that the arguments of HALT, COMMIT and COMMIT_DEFERRED_PROOFS
/// are the shard's public values (<see cref="SyscallPublicValues"/>; SP1 v3 does this on the Cpu's ECALL row), and
/// each ECALL's next pc and t0 result (<see cref="SyscallControl"/>); what the other syscalls do to memory is proven
/// by the chips they talk to.
/// </summary>
/// <remarks>Host only: a shard has a handful of syscalls, fewer rows than a kernel launch is worth.</remarks>
public sealed class SyscallChip : EventChip<SyscallEvent>
{
    public const string ChipName = "Syscall";

    public override string Name => ChipName;

    public override int Width => SyscallColumns.Width;

    public override void Eval<TExpr>(IAirBuilder<TExpr> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var isReal = builder.Local(IsReal);
        var syscallId = builder.Local(SyscallId);
        builder.AssertBool("is_real is boolean", isReal);
        SyscallPublicValues.Eval(builder, isReal, syscallId);
        SyscallControl.Eval(builder, isReal, syscallId);
        SyscallBus.Receive(builder, SyscallBus.Columns(builder), isReal);
    }

    public override EventList<SyscallEvent> Events(ExecutionRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return record.Syscalls;
    }

    public override void GenerateMainTrace(ExecutionRecord record, Span2D<KoalaBear> rows)
    {
        ArgumentNullException.ThrowIfNull(record);
        var events = record.Syscalls.Span;
        for (var i = 0; i < events.Length; i++)
        {
            var row = rows.GetRowSpan(i);
            SyscallBus.Write(in events[i], row);
            row[IsReal] = KoalaBear.One;
            SyscallPublicValues.Write(in events[i], row);
            SyscallControl.Write(row);
        }
    }
}
