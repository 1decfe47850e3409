using StarkGpu.Engine.Air;
using StarkGpu.Rv32im.Chips.Alu.Shared;
using StarkGpu.Rv32im.Chips.Rows;
using StarkGpu.Rv32im.Chips.ByteLookup;
using StarkGpu.Rv32im.Events;
using StarkGpu.Rv32im.Isa;
using static StarkGpu.Rv32im.Chips.Alu.ShiftLeftColumns;

namespace StarkGpu.Rv32im.Chips.Alu;

/// <summary>
/// SLL: a = b &lt;&lt; (c mod 32), one row per event of <see cref="ExecutionRecord.ShiftLeft"/>. The shift splits
/// into n = c mod 8 bits, proven limb by limb as b[i] * 2^n + carry = shifted[i] + 256 * carry', and m = (c / 8)
/// mod 4 whole bytes, a one-hot selection a[i] = shifted[i - m]. Every limb and carry is a byte (U8Range lookups).
/// </summary>
public sealed class ShiftLeftChip : AluChip
{

    private static readonly string[] BitShiftLabels = RowValues.Labels("limb {0}: b * 2^n + carry in = shifted + 256 * carry out", 4);
    private static readonly string[] ResultLabels = RowValues.Labels("a[{0}] is the byte-shifted limb", 4);

    public const string ChipName = "ShiftLeft";

    public override string Name => ChipName;

    protected override IRowOperations<AluEvent> Rows => RowOperations<AluEvent, ShiftLeftRow>.Instance;

    /// <summary>(first column, count) runs of byte columns, range-checked in pairs: a, b, c, then shifted and carries.</summary>
    internal static ReadOnlySpan<int> ByteRangeRuns => [A, 12, BitShifted, 8];

    public override EventList<AluEvent> Events(ExecutionRecord record) => record.ShiftLeft;

    public override void Eval<TExpr>(IAirBuilder<TExpr> builder)
    {
        var isReal = builder.Local(IsReal);
        builder.AssertBool("is_real is boolean", isReal);

        ShiftAmount.Eval(builder, isReal, right: false);

        var carryIn = TExpr.Zero;
        for (var i = 0; i < 4; i++)
        {
            var carryOut = builder.Local(BitShiftCarry + i);
            builder.AssertEqual(
                BitShiftLabels[i],
                (builder.Local(B + i) * builder.Local(BitMultiplier)) + carryIn,
                builder.Local(BitShifted + i) + (carryOut * TExpr.FromInt(256)));
            carryIn = carryOut;
        }

        // a[i] = shifted[i - m]: limbs below the byte shift are zero.
        for (var i = 0; i < 4; i++)
        {
            var limb = TExpr.Zero;
            for (var j = 0; j <= i; j++)
            {
                limb += builder.Local(ShiftByBytes + j) * builder.Local(BitShifted + i - j);
            }

            builder.AssertEqual(ResultLabels[i], builder.Local(A + i), limb);
        }

        RowValues.SendByteRanges(builder, ByteRangeRuns, isReal);
        AluBus.Receive(
            builder, AluBus.Opcode<TExpr>(Opcode.Sll), WordLimbs.Local(builder, A), WordLimbs.Local(builder, B), WordLimbs.Local(builder, C), isReal);
    }
}
