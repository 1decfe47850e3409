using StarkGpu.Engine.Air;
using StarkGpu.Rv32im.Chips.Alu.Shared;
using StarkGpu.Rv32im.Chips.Rows;
using StarkGpu.Rv32im.Chips.ByteLookup;
using StarkGpu.Rv32im.Events;
using StarkGpu.Rv32im.Isa;
using static StarkGpu.Rv32im.Chips.Alu.ShiftRightColumns;

namespace StarkGpu.Rv32im.Chips.Alu;

/// <summary>
/// SRL and SRA: a = b &gt;&gt; (c mod 32), one row per event of <see cref="ExecutionRecord.ShiftRight"/>. b is
/// extended by a sign byte (0xFF for SRA of a negative b, bit 31 from a Msb lookup), shifted right by m = (c / 8)
/// mod 4 whole bytes by a one-hot selection, and by n = c mod 8 bits as floor(x * 2^(8 - n) / 256): the five
/// byte-shifted limbs times 2^(8 - n) with byte carries give the limbs (shifted out, a0, a1, a2, a3).
/// </summary>
public sealed class ShiftRightChip : AluChip
{

    private static readonly string[] ByteShiftLabels = RowValues.Labels("byte-shifted limb {0} is b's limb at the byte shift", 4);
    private static readonly string[] BitShiftLabels = RowValues.Labels("limb {0}: shifted * 2^(8 - n) + carry in = result + 256 * carry out", 5);

    public const string ChipName = "ShiftRight";

    public override string Name => ChipName;

    protected override IRowOperations<AluEvent> Rows => RowOperations<AluEvent, ShiftRightRow>.Instance;

    /// <summary>(first column, count) runs of byte columns, range-checked in pairs: a, b, c, then shifted-out and carries.</summary>
    internal static ReadOnlySpan<int> ByteRangeRuns => [A, 12, ShiftedOut, 6];

    public override EventList<AluEvent> Events(ExecutionRecord record) => record.ShiftRight;

    public override void Eval<TExpr>(IAirBuilder<TExpr> builder)
    {
        var isSrl = builder.Local(IsSrl);
        var isSra = builder.Local(IsSra);
        var isReal = isSrl + isSra;
        builder.AssertBool("is_srl is boolean", isSrl);
        builder.AssertBool("is_sra is boolean", isSra);
        builder.AssertBool("at most one opcode", isReal);

        ShiftAmount.Eval(builder, isReal, right: true);

        var signByte = builder.Local(SignByte);
        builder.AssertEqual("sign byte = 0xFF * is_sra * msb(b)", signByte, TExpr.FromInt(0xFF) * isSra * builder.Local(BMsb));

        // Limb i of the byte shift is limb i + m of b extended by sign bytes.
        for (var i = 0; i < 4; i++)
        {
            var limb = TExpr.Zero;
            for (var j = 0; j < 4; j++)
            {
                limb += builder.Local(ShiftByBytes + j) * (i + j < 4 ? builder.Local(B + i + j) : signByte);
            }

            builder.AssertEqual(ByteShiftLabels[i], builder.Local(ByteShifted + i), limb);
        }

        var carryIn = TExpr.Zero;
        for (var i = 0; i < 5; i++)
        {
            var limb = i < 4 ? builder.Local(ByteShifted + i) : signByte;
            var result = i == 0 ? builder.Local(ShiftedOut) : builder.Local(A + i - 1);
            var carryOut = builder.Local(Carry + i);
            builder.AssertEqual(BitShiftLabels[i], (limb * builder.Local(BitMultiplier)) + carryIn, result + (carryOut * TExpr.FromInt(256)));
            carryIn = carryOut;
        }

        RowValues.SendByteRanges(builder, ByteRangeRuns, isReal);
        ByteLookupBus.Send(builder, ByteOpcode.Msb, builder.Local(BMsb), builder.Local(B + 3), TExpr.Zero, isReal);
        var opcode = AluBus.SelectedOpcode<TExpr>([isSrl, isSra], [Opcode.Srl, Opcode.Sra]);
        AluBus.Receive(builder, opcode, WordLimbs.Local(builder, A), WordLimbs.Local(builder, B), WordLimbs.Local(builder, C), isReal);
    }
}
