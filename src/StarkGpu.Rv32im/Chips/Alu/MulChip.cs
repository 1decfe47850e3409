using StarkGpu.Engine.Air;
using StarkGpu.Rv32im.Chips.Alu.Shared;
using StarkGpu.Rv32im.Chips.Rows;
using StarkGpu.Rv32im.Chips.ByteLookup;
using StarkGpu.Rv32im.Events;
using StarkGpu.Rv32im.Isa;
using static StarkGpu.Rv32im.Chips.Alu.MulColumns;

namespace StarkGpu.Rv32im.Chips.Alu;

/// <summary>
/// MUL, MULH, MULHU and MULHSU, one row per event of <see cref="ExecutionRecord.Mul"/>. b and c are extended to
/// 64 bits (sign-extended where the opcode reads them as signed: b for MULH and MULHSU, c for MULH; the sign bits
/// come from Msb lookups), and their product mod 2^64 is proven limb by limb: sum(b[i] * c[k - i]) + carry in =
/// product[k] + 256 * carry out, with product limbs and both bytes of every carry range-checked. a is the low
/// word of the product for MUL, the high word otherwise.
/// </summary>
public sealed class MulChip : AluChip
{

    private static readonly string[] ProductLabels = RowValues.Labels("product limb {0}: sum b[i] * c[j] + carry in = product + 256 * carry out", 8);
    private static readonly string[] ResultLabels = RowValues.Labels("a[{0}] is the selected product limb", 4);

    public const string ChipName = "Mul";

    public override string Name => ChipName;

    protected override IRowOperations<AluEvent> Rows => RowOperations<AluEvent, MulRow>.Instance;

    /// <summary>(first column, count) runs of byte columns, range-checked in pairs: a, b, c, product, carry bytes.</summary>
    internal static ReadOnlySpan<int> ByteRangeRuns => [A, 36];

    public override EventList<AluEvent> Events(ExecutionRecord record) => record.Mul;

    public override void Eval<TExpr>(IAirBuilder<TExpr> builder)
    {
        var isMul = builder.Local(IsMul);
        var isMulh = builder.Local(IsMulh);
        var isMulhu = builder.Local(IsMulhu);
        var isMulhsu = builder.Local(IsMulhsu);
        var isReal = isMul + isMulh + isMulhu + isMulhsu;
        builder.AssertBool("is_mul is boolean", isMul);
        builder.AssertBool("is_mulh is boolean", isMulh);
        builder.AssertBool("is_mulhu is boolean", isMulhu);
        builder.AssertBool("is_mulhsu is boolean", isMulhsu);
        builder.AssertBool("at most one opcode", isReal);

        var bSignExtend = builder.Local(BSignExtend);
        var cSignExtend = builder.Local(CSignExtend);
        builder.AssertEqual("b is sign-extended iff signed (MULH, MULHSU) and negative", bSignExtend, builder.Local(BMsb) * (isMulh + isMulhsu));
        builder.AssertEqual("c is sign-extended iff signed (MULH) and negative", cSignExtend, builder.Local(CMsb) * isMulh);

        var byteBase = TExpr.FromInt(256);
        var carryIn = TExpr.Zero;
        for (var k = 0; k < 8; k++)
        {
            var sum = carryIn;
            for (var i = 0; i <= k; i++)
            {
                sum += ExtendedLimb(builder, B, bSignExtend, i) * ExtendedLimb(builder, C, cSignExtend, k - i);
            }

            var carryOut = builder.Local(CarryLow + k) + (byteBase * builder.Local(CarryHigh + k));
            builder.AssertEqual(ProductLabels[k], sum, builder.Local(Product + k) + (byteBase * carryOut));
            carryIn = carryOut;
        }

        var isHigh = isMulh + isMulhu + isMulhsu;
        for (var i = 0; i < 4; i++)
        {
            builder.AssertEqual(ResultLabels[i], builder.Local(A + i), (isMul * builder.Local(Product + i)) + (isHigh * builder.Local(Product + 4 + i)));
        }

        RowValues.SendByteRanges(builder, ByteRangeRuns, isReal);
        ByteLookupBus.Send(builder, ByteOpcode.Msb, builder.Local(BMsb), builder.Local(B + 3), TExpr.Zero, isReal);
        ByteLookupBus.Send(builder, ByteOpcode.Msb, builder.Local(CMsb), builder.Local(C + 3), TExpr.Zero, isReal);
        var opcode = AluBus.SelectedOpcode<TExpr>([isMul, isMulh, isMulhu, isMulhsu], [Opcode.Mul, Opcode.Mulh, Opcode.Mulhu, Opcode.Mulhsu]);
        AluBus.Receive(builder, opcode, WordLimbs.Local(builder, A), WordLimbs.Local(builder, B), WordLimbs.Local(builder, C), isReal);
    }

    /// <summary>Limb <paramref name="index"/> (0..7) of the operand at <paramref name="first"/> extended by 0xFF * <paramref name="signExtend"/>.</summary>
    private static TExpr ExtendedLimb<TExpr>(IAirBuilder<TExpr> builder, int first, TExpr signExtend, int index)
        where TExpr : IAirExpression<TExpr> =>
        index < 4 ? builder.Local(first + index) : TExpr.FromInt(0xFF) * signExtend;
}
