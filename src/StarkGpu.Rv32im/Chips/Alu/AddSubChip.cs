using StarkGpu.Engine.Air;
using StarkGpu.Fields;
using StarkGpu.Rv32im.Chips.Alu.Shared;
using StarkGpu.Rv32im.Chips.Rows;
using StarkGpu.Rv32im.Chips.ByteLookup;
using StarkGpu.Rv32im.Events;
using StarkGpu.Rv32im.Isa;
using static StarkGpu.Rv32im.Chips.Alu.AddSubColumns;

namespace StarkGpu.Rv32im.Chips.Alu;

/// <summary>
/// ADD and SUB, one row per event of <see cref="ExecutionRecord.AddSub"/>. A row proves addend + c = sum byte by
/// byte with boolean carries, where (addend, sum) is (b, a) for ADD and (a, b) for SUB; all twelve limbs are
/// range-checked with U8Range lookups, so the chip does not lean on its senders' checks.
/// </summary>
public sealed class AddSubChip : AluChip
{
    public const string ChipName = "AddSub";

    public override string Name => ChipName;

    protected override IRowOperations<AluEvent> Rows => RowOperations<AluEvent, AddSubRow>.Instance;

    public override EventList<AluEvent> Events(ExecutionRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return record.AddSub;
    }

    public override void Eval<TExpr>(IAirBuilder<TExpr> builder)
    {
        var a = WordLimbs.Local(builder, A);
        var b = WordLimbs.Local(builder, B);
        var c = WordLimbs.Local(builder, C);
        var carry = WordLimbs.Local(builder, Carry);
        var isAdd = builder.Local(IsAdd);
        var isSub = builder.Local(IsSub);
        var isReal = isAdd + isSub;

        builder.AssertBool("is_add is boolean", isAdd);
        builder.AssertBool("is_sub is boolean", isSub);
        builder.AssertBool("at most one opcode", isReal);
        var byteBase = TExpr.FromInt(256);
        for (var i = 0; i < WordLimbs.Count; i++)
        {
            builder.AssertBool($"carry {i} is boolean", carry[i]);
            var addend = (isAdd * b[i]) + (isSub * a[i]);
            var sum = (isAdd * a[i]) + (isSub * b[i]);
            var carryIn = i == 0 ? TExpr.Zero : carry[i - 1];
            builder.AssertZero($"byte {i} adds up", addend + c[i] + carryIn - sum - (byteBase * carry[i]));
        }

        WordRangeCheck.Send(builder, a, isReal);
        WordRangeCheck.Send(builder, b, isReal);
        WordRangeCheck.Send(builder, c, isReal);
        var opcode = AluBus.SelectedOpcode<TExpr>([isAdd, isSub], [Opcode.Add, Opcode.Sub]);
        AluBus.Receive(builder, opcode, a, b, c, isReal);
    }
}
