using StarkGpu.Engine.Air;
using StarkGpu.Rv32im.Chips.Alu.Shared;
using StarkGpu.Rv32im.Chips.Rows;
using StarkGpu.Rv32im.Chips.ByteLookup;
using StarkGpu.Rv32im.Events;
using StarkGpu.Rv32im.Isa;
using static StarkGpu.Rv32im.Chips.Alu.DivRemColumns;

namespace StarkGpu.Rv32im.Chips.Alu;

/// <summary>
/// DIV, DIVU, REM and REMU, one row per event of <see cref="ExecutionRecord.DivRem"/>, in the chip's own columns:
/// <list type="bullet">
/// <item>b = c * q + r over 64 bits, limb by limb with range-checked carries, every operand sign-extended for the
/// signed opcodes (signs from Msb lookups); for INT_MIN / -1 (a flag allowed only for exactly that case) only the
/// low word, where |r| &lt; 1 then forces r = 0 and q = INT_MIN;</item>
/// <item>|r| &lt; |c| unless c = 0: |c| and |r| are proven as c + |c| = 0 and r + |r| = 0 mod 2^32 where c,
/// respectively b, is negative (so r takes b's sign), and |r| + 1 + d = |c| with d a word;</item>
/// <item>c = 0 (a flag allowed only when every limb of c is zero): q is all ones, and r = b follows;</item>
/// <item>a is q for DIV and DIVU, r for REM and REMU.</item>
/// </list>
/// </summary>
public sealed class DivRemChip : AluChip
{

    private static readonly string[] ProductLabels = RowValues.Labels("limb {0}: sum c[i] * q[j] + r + carry in = b + 256 * carry out", 8);
    private static readonly string[] CNegationLabels = RowValues.Labels("limb {0}: c + |c| = 0 mod 2^32 when c < 0", 4);
    private static readonly string[] CAbsLabels = RowValues.Labels("limb {0}: |c| = c when c >= 0", 4);
    private static readonly string[] RNegationLabels = RowValues.Labels("limb {0}: r + |r| = 0 mod 2^32 when b < 0", 4);
    private static readonly string[] RAbsLabels = RowValues.Labels("limb {0}: |r| = r when b >= 0", 4);
    private static readonly string[] CNegationCarryLabels = RowValues.Labels("c negation carry {0} is boolean", 4);
    private static readonly string[] RNegationCarryLabels = RowValues.Labels("r negation carry {0} is boolean", 4);
    private static readonly string[] LtLabels = RowValues.Labels("limb {0}: |r| + 1 + d = |c| when c != 0", 4);
    private static readonly string[] LtCarryLabels = RowValues.Labels("|r| < |c| carry {0} is boolean", 3);
    private static readonly string[] CZeroLabels = RowValues.Labels("c[{0}] = 0 when c is flagged zero", 4);
    private static readonly string[] QuotientAllOnesLabels = RowValues.Labels("q[{0}] = 0xFF when c = 0", 4);
    private static readonly string[] ResultLabels = RowValues.Labels("a[{0}] is q or r by opcode", 4);

    public const string ChipName = "DivRem";

    public override string Name => ChipName;

    protected override IRowOperations<AluEvent> Rows => RowOperations<AluEvent, DivRemRow>.Instance;

    /// <summary>(first column, count) runs of byte columns, range-checked in pairs: a, b, c, q, r; carry bytes, |c|, |r|; d.</summary>
    internal static ReadOnlySpan<int> ByteRangeRuns => [A, 20, CarryLow, 24, LtDifference, 4];

    /// <summary>(sign column, limb column) of the Msb lookups, sent for the signed opcodes.</summary>
    internal static ReadOnlySpan<int> MsbLookups => [BNeg, B + 3, CNeg, C + 3, QNeg, Quotient + 3, RNeg, Remainder + 3];

    public override EventList<AluEvent> Events(ExecutionRecord record) => record.DivRem;

    public override void Eval<TExpr>(IAirBuilder<TExpr> builder)
    {
        var isDiv = builder.Local(IsDiv);
        var isDivu = builder.Local(IsDivu);
        var isRem = builder.Local(IsRem);
        var isRemu = builder.Local(IsRemu);
        var isReal = isDiv + isDivu + isRem + isRemu;
        var isSigned = isDiv + isRem;
        builder.AssertBool("is_div is boolean", isDiv);
        builder.AssertBool("is_divu is boolean", isDivu);
        builder.AssertBool("is_rem is boolean", isRem);
        builder.AssertBool("is_remu is boolean", isRemu);
        builder.AssertBool("at most one opcode", isReal);

        // Signs: Msb lookups for the signed opcodes (sent below), zero for the unsigned ones.
        var unsigned = builder.When(isDivu + isRemu);
        unsigned.AssertZero("b is non-negative when unsigned", builder.Local(BNeg));
        unsigned.AssertZero("c is non-negative when unsigned", builder.Local(CNeg));
        unsigned.AssertZero("q is non-negative when unsigned", builder.Local(QNeg));
        unsigned.AssertZero("r is non-negative when unsigned", builder.Local(RNeg));

        var isOverflow = builder.Local(IsOverflow);
        builder.AssertBool("is_overflow is boolean", isOverflow);
        var overflow = builder.When(isOverflow);
        overflow.AssertOne("overflow only when signed", isSigned);
        for (var i = 0; i < 4; i++)
        {
            overflow.AssertEqual("overflow only for b = INT_MIN", builder.Local(B + i), TExpr.FromInt(i == 3 ? 0x80 : 0));
            overflow.AssertEqual("overflow only for c = -1", builder.Local(C + i), TExpr.FromInt(0xFF));
        }

        EvalProduct(builder, isOverflow);

        var cIsZero = builder.Local(CIsZero);
        builder.AssertBool("c_is_zero is boolean", cIsZero);
        for (var i = 0; i < 4; i++)
        {
            builder.When(cIsZero).AssertZero(CZeroLabels[i], builder.Local(C + i));
            builder.When(cIsZero).AssertEqual(QuotientAllOnesLabels[i], builder.Local(Quotient + i), TExpr.FromInt(0xFF));
        }

        EvalNegation(builder, C, AbsC, CNegationCarry, builder.Local(CNeg), CNegationLabels, CAbsLabels, CNegationCarryLabels);
        EvalNegation(builder, Remainder, AbsR, RNegationCarry, builder.Local(BNeg), RNegationLabels, RAbsLabels, RNegationCarryLabels);
        EvalRemainderBelowDivisor(builder, isReal * (TExpr.One - cIsZero));

        var isQuotient = isDiv + isDivu;
        var isRemainder = isRem + isRemu;
        for (var i = 0; i < 4; i++)
        {
            builder.AssertEqual(ResultLabels[i], builder.Local(A + i), (isQuotient * builder.Local(Quotient + i)) + (isRemainder * builder.Local(Remainder + i)));
        }

        RowValues.SendByteRanges(builder, ByteRangeRuns, isReal);
        var msb = MsbLookups;
        for (var m = 0; m < msb.Length; m += 2)
        {
            ByteLookupBus.Send(builder, ByteOpcode.Msb, builder.Local(msb[m]), builder.Local(msb[m + 1]), TExpr.Zero, isSigned);
        }

        var opcode = AluBus.SelectedOpcode<TExpr>([isDiv, isDivu, isRem, isRemu], [Opcode.Div, Opcode.Divu, Opcode.Rem, Opcode.Remu]);
        AluBus.Receive(builder, opcode, WordLimbs.Local(builder, A), WordLimbs.Local(builder, B), WordLimbs.Local(builder, C), isReal);
    }

    /// <summary>c * q + r = b limb by limb over 64 bits; limbs 4..7 are skipped for INT_MIN / -1.</summary>
    private static void EvalProduct<TExpr>(IAirBuilder<TExpr> builder, TExpr isOverflow)
        where TExpr : IAirExpression<TExpr>
    {
        var byteBase = TExpr.FromInt(256);
        var carryIn = TExpr.Zero;
        for (var k = 0; k < 8; k++)
        {
            var sum = carryIn + ExtendedLimb(builder, Remainder, RNeg, k);
            for (var i = 0; i <= k; i++)
            {
                sum += ExtendedLimb(builder, C, CNeg, i) * ExtendedLimb(builder, Quotient, QNeg, k - i);
            }

            var carryOut = builder.Local(CarryLow + k) + (byteBase * builder.Local(CarryHigh + k));
            var difference = sum - ExtendedLimb(builder, B, BNeg, k) - (byteBase * carryOut);
            if (k < 4)
            {
                builder.AssertZero(ProductLabels[k], difference);
            }
            else
            {
                builder.WhenNot(isOverflow).AssertZero(ProductLabels[k], difference);
            }

            carryIn = carryOut;
        }
    }

    /// <summary>
    /// Where <paramref name="negate"/> is one, value + absolute = 0 mod 2^32 (boolean carries); elsewhere
    /// absolute = value.
    /// </summary>
    private static void EvalNegation<TExpr>(
        IAirBuilder<TExpr> builder, int value, int absolute, int carries, TExpr negate, string[] negationLabels, string[] equalLabels, string[] carryLabels)
        where TExpr : IAirExpression<TExpr>
    {
        var carryIn = TExpr.Zero;
        for (var k = 0; k < 4; k++)
        {
            var carryOut = builder.Local(carries + k);
            builder.AssertBool(carryLabels[k], carryOut);
            builder.When(negate).AssertEqual(
                negationLabels[k], builder.Local(value + k) + builder.Local(absolute + k) + carryIn, TExpr.FromInt(256) * carryOut);
            builder.WhenNot(negate).AssertEqual(equalLabels[k], builder.Local(absolute + k), builder.Local(value + k));
            carryIn = carryOut;
        }
    }

    /// <summary>Where <paramref name="gate"/> is one, |r| + 1 + d = |c| with d a word and no carry out: |r| &lt; |c|.</summary>
    private static void EvalRemainderBelowDivisor<TExpr>(IAirBuilder<TExpr> builder, TExpr gate)
        where TExpr : IAirExpression<TExpr>
    {
        var carryIn = TExpr.One;
        for (var k = 0; k < 4; k++)
        {
            var sum = builder.Local(AbsR + k) + builder.Local(LtDifference + k) + carryIn;
            if (k < 3)
            {
                var carryOut = builder.Local(LtCarry + k);
                builder.AssertBool(LtCarryLabels[k], carryOut);
                builder.When(gate).AssertEqual(LtLabels[k], sum, builder.Local(AbsC + k) + (TExpr.FromInt(256) * carryOut));
                carryIn = carryOut;
            }
            else
            {
                builder.When(gate).AssertEqual(LtLabels[k], sum, builder.Local(AbsC + k));
            }
        }
    }

    /// <summary>Limb <paramref name="index"/> (0..7) of the word at <paramref name="first"/> extended by 0xFF * its sign column.</summary>
    private static TExpr ExtendedLimb<TExpr>(IAirBuilder<TExpr> builder, int first, int sign, int index)
        where TExpr : IAirExpression<TExpr> =>
        index < 4 ? builder.Local(first + index) : TExpr.FromInt(0xFF) * builder.Local(sign);
}
