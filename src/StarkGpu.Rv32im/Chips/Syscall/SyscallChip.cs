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
/// (shard, clk, syscall_id, arg1, arg2) from the Cpu chip's ECALL row. The chip only proves that every ECALL the
/// Cpu executed is listed here once, and that HALT's a0 is the shard's public exit code (SP1 v3 does this on the
/// Cpu's ECALL row); what a syscall does is proven by the chips it talks to.
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
        var isHalt = builder.Local(IsHalt);
        builder.AssertBool("is_real is boolean", isReal);

        // is_halt = is_real * [syscall_id == 0] without a boolean check: a non-zero id forces is_halt to 0 (second
        // constraint), a zero id makes the first read is_halt = is_real.
        builder.AssertEqual("is_halt = is_real - syscall_id * inverse", isHalt, isReal - (syscallId * builder.Local(SyscallIdInverse)));
        builder.AssertZero("is_halt only for syscall id 0", syscallId * isHalt);
        builder.When(isHalt).AssertEqual(
            "halt: a0 is the public exit code", builder.Local(Arg1), builder.PublicValue(PublicValueIndex.ExitCode));
        SyscallBus.Receive(
            builder,
            builder.Local(Shard),
            builder.Local(Clk),
            syscallId,
            builder.Local(Arg1),
            builder.Local(Arg2),
            isReal);
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
            var id = row[SyscallId];
            row[IsHalt] = id.IsZero ? KoalaBear.One : KoalaBear.Zero;
            row[SyscallIdInverse] = id.IsZero ? KoalaBear.Zero : id.Inverse();
        }
    }
}
