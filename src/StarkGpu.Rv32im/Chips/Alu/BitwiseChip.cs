using StarkGpu.Engine.Air;
using StarkGpu.Rv32im.Chips.Alu.Shared;
using StarkGpu.Rv32im.Chips.Rows;
using StarkGpu.Rv32im.Chips.ByteLookup;
using StarkGpu.Rv32im.Events;
using StarkGpu.Rv32im.Isa;
using static StarkGpu.Rv32im.Chips.Alu.BitwiseColumns;

namespace StarkGpu.Rv32im.Chips.Alu;

/// <summary>
/// XOR, OR and AND, one row per event of <see cref="ExecutionRecord.Bitwise"/>. Each limb is one lookup
/// (op, a_i, b_i, c_i) into the ByteLookup table, which proves the result and that all three limbs are bytes.
/// </summary>
public sealed class BitwiseChip : AluChip
{
    public const string ChipName = "Bitwise";

    public override string Name => ChipName;

    protected override IRowOperations<AluEvent> Rows => RowOperations<AluEvent, BitwiseRow>.Instance;

    public override EventList<AluEvent> Events(ExecutionRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return record.Bitwise;
    }

    public override void Eval<TExpr>(IAirBuilder<TExpr> builder)
    {
        var a = WordLimbs.Local(builder, A);
        var b = WordLimbs.Local(builder, B);
        var c = WordLimbs.Local(builder, C);
        var isXor = builder.Local(IsXor);
        var isOr = builder.Local(IsOr);
        var isAnd = builder.Local(IsAnd);
        var isReal = isXor + isOr + isAnd;

        builder.AssertBool("is_xor is boolean", isXor);
        builder.AssertBool("is_or is boolean", isOr);
        builder.AssertBool("is_and is boolean", isAnd);
        builder.AssertBool("at most one opcode", isReal);

        var byteOpcode = (isXor * ByteLookupBus.Opcode<TExpr>(ByteOpcode.Xor)) +
            (isOr * ByteLookupBus.Opcode<TExpr>(ByteOpcode.Or)) +
            (isAnd * ByteLookupBus.Opcode<TExpr>(ByteOpcode.And));
        for (var i = 0; i < WordLimbs.Count; i++)
        {
            ByteLookupBus.Send(builder, byteOpcode, a[i], b[i], c[i], isReal);
        }

        var opcode = AluBus.SelectedOpcode<TExpr>([isXor, isOr, isAnd], [Opcode.Xor, Opcode.Or, Opcode.And]);
        AluBus.Receive(builder, opcode, a, b, c, isReal);
    }
}
