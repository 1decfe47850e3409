using StarkGpu.Engine.Air;
using StarkGpu.Rv32im.Chips.Alu.Shared;
using StarkGpu.Rv32im.Chips.Rows;
using StarkGpu.Rv32im.Chips.ByteLookup;
using StarkGpu.Rv32im.Events;
using StarkGpu.Rv32im.Isa;
using static StarkGpu.Rv32im.Chips.Alu.LtColumns;

namespace StarkGpu.Rv32im.Chips.Alu;

/// <summary>
/// SLT and SLTU, one row per event of <see cref="ExecutionRecord.Lt"/>. A signed comparison is the unsigned
/// comparison of the operands with their sign bits flipped (b' = b ^ 2^31), the sign bits proven by Msb lookups.
/// The row flags the most significant byte where b' and c' differ (every byte above it equal, the flagged bytes
/// different by an inverse), and one Ltu lookup on that byte pair gives the result. b and c are range-checked.
/// </summary>
public sealed class LtChip : AluChip
{
    public const string ChipName = "Lt";

    public override string Name => ChipName;

    protected override IRowOperations<AluEvent> Rows => RowOperations<AluEvent, LtRow>.Instance;

    public override EventList<AluEvent> Events(ExecutionRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return record.Lt;
    }

    public override void Eval<TExpr>(IAirBuilder<TExpr> builder)
    {
        var result = builder.Local(Result);
        var b = WordLimbs.Local(builder, B);
        var c = WordLimbs.Local(builder, C);
        var isSlt = builder.Local(IsSlt);
        var isSltu = builder.Local(IsSltu);
        var msbB = builder.Local(MsbB);
        var msbC = builder.Local(MsbC);
        var flags = WordLimbs.Local(builder, ByteFlags);
        var comparedB = builder.Local(ComparedB);
        var comparedC = builder.Local(ComparedC);
        var isReal = isSlt + isSltu;

        builder.AssertBool("is_slt is boolean", isSlt);
        builder.AssertBool("is_sltu is boolean", isSltu);
        builder.AssertBool("at most one opcode", isReal);

        // b'3 = b3 ^ 0x80 = b3 + 128 - 256 * msb for SLT; b3 for SLTU.
        var signFlip = TExpr.FromInt(128);
        var byteBase = TExpr.FromInt(256);
        builder.AssertEqual("b top byte", builder.Local(BTop), b[3] + (isSlt * (signFlip - (byteBase * msbB))));
        builder.AssertEqual("c top byte", builder.Local(CTop), c[3] + (isSlt * (signFlip - (byteBase * msbC))));
        TExpr[] bCompared = [b[0], b[1], b[2], builder.Local(BTop)];
        TExpr[] cCompared = [c[0], c[1], c[2], builder.Local(CTop)];

        var flagSum = TExpr.Zero;
        var flaggedB = TExpr.Zero;
        var flaggedC = TExpr.Zero;
        for (var i = WordLimbs.Count - 1; i >= 0; i--)
        {
            builder.AssertBool($"flag {i} is boolean", flags[i]);
            flagSum += flags[i];
            flaggedB += flags[i] * bCompared[i];
            flaggedC += flags[i] * cCompared[i];
            // Above the flagged byte (and everywhere when no flag is set) the bytes are equal.
            builder.WhenNot(flagSum).AssertEqual($"byte {i} equal above the first difference", bCompared[i], cCompared[i]);
        }

        builder.AssertBool("at most one flag", flagSum);
        builder.AssertEqual("compared b is the flagged byte", comparedB, flaggedB);
        builder.AssertEqual("compared c is the flagged byte", comparedC, flaggedC);
        // With a flag, the compared bytes differ; without, both are zero and the inverse is unconstrained.
        builder.AssertEqual("flagged bytes differ", builder.Local(DiffInverse) * (comparedB - comparedC), flagSum);

        ByteLookupBus.Send(builder, ByteOpcode.Ltu, result, comparedB, comparedC, isReal);
        ByteLookupBus.Send(builder, ByteOpcode.Msb, msbB, b[3], TExpr.Zero, isSlt);
        ByteLookupBus.Send(builder, ByteOpcode.Msb, msbC, c[3], TExpr.Zero, isSlt);
        WordRangeCheck.Send(builder, b, isReal);
        WordRangeCheck.Send(builder, c, isReal);

        var opcode = AluBus.SelectedOpcode<TExpr>([isSlt, isSltu], [Opcode.Slt, Opcode.Sltu]);
        AluBus.Receive(builder, opcode, [result, TExpr.Zero, TExpr.Zero, TExpr.Zero], b, c, isReal);
    }
}
