using StarkGpu.Engine.Air;
using StarkGpu.Rv32im.Chips.ByteLookup;
using StarkGpu.Rv32im.Isa;
using static StarkGpu.Rv32im.Chips.Cpu.CpuMemoryAccessColumns;

namespace StarkGpu.Rv32im.Chips.Cpu;

/// <summary>
/// Byte and half-word loads and stores (LB, LBU, LH, LHU, SB, SH): which bytes of the word they move, the sign
/// extension of LB and LH, the merge of SB and SH into the word's other bytes, and half-word alignment. A selector
/// per opcode, bound to the committed opcode; a one-hot of the address's low bits; the moved bytes as value0 and
/// value1. LW and SW are <see cref="CpuConstraints"/>' (is_word_access). Every constraint has degree at most 3.
/// </summary>
internal static class CpuSubWordAccess
{
    private static readonly Opcode[] Opcodes = [Opcode.Lb, Opcode.Lbu, Opcode.Lh, Opcode.Lhu, Opcode.Sb, Opcode.Sh];
    private static readonly string[] Names = ["lb", "lbu", "lh", "lhu", "sb", "sh"];

    public static void Eval<TExpr>(IAirBuilder<TExpr> builder, in CpuRow<TExpr> row)
        where TExpr : IAirExpression<TExpr>
    {
        var sel = new TExpr[SubWordOpcodeCount];
        for (var k = 0; k < sel.Length; k++)
        {
            sel[k] = builder.Local(SubWordSelectors + k);
            builder.AssertBool($"is_{Names[k]} is boolean", sel[k]);
        }

        var (lb, lbu, lh, lhu, sb, sh) = (sel[0], sel[1], sel[2], sel[3], sel[4], sel[5]);
        var offset = new TExpr[4];
        for (var i = 0; i < offset.Length; i++)
        {
            offset[i] = builder.Local(OffsetIs + i);
            builder.AssertBool($"offset_is_{i} is boolean", offset[i]);
        }

        var v0 = builder.Local(SubWordValue);
        var v1 = builder.Local(SubWordValue + 1);
        var sign = builder.Local(SignBit);

        // The selectors are the committed opcode's: one per sub-word load or store, none on LW and SW.
        builder.AssertEqual("sub-word loads: is_lb + is_lbu + is_lh + is_lhu = is_load and not lw", lb + lbu + lh + lhu, row.IsLoad * (TExpr.One - row.IsWordAccess));
        builder.AssertEqual("sub-word stores: is_sb + is_sh = is_store and not sw", sb + sh, row.IsStore * (TExpr.One - row.IsWordAccess));
        var opcode = row.IsWordAccess * ((row.IsLoad * TExpr.FromInt((long)Opcode.Lw)) + (row.IsStore * TExpr.FromInt((long)Opcode.Sw)));
        for (var k = 0; k < sel.Length; k++)
        {
            opcode += sel[k] * TExpr.FromInt((long)Opcodes[k]);
        }

        builder.When(row.IsMemory).AssertEqual("load/store: the opcode is its selector's", row.Opcode, opcode);

        // The one-hot of addr & 3 (whose bits CpuConstraints ties to the address).
        var memory = builder.When(row.IsMemory);
        memory.AssertOne("load/store: one offset", offset[0] + offset[1] + offset[2] + offset[3]);
        memory.AssertEqual("load/store: offset = 2 * bit1 + bit0", offset[1] + (TExpr.FromInt(2) * offset[2]) + (TExpr.FromInt(3) * offset[3]), (TExpr.FromInt(2) * row.AddrBit1) + row.AddrBit0);
        var half = lh + lhu + sh;
        var oneByte = lb + lbu + sb;
        builder.When(half).AssertZero("lh/lhu/sh: the address is even", row.AddrBit0);

        // A load's bytes, from the word (which the load leaves unchanged); a store's are a's low bytes.
        var w = row.MemValue;
        var p = row.MemPrev;
        builder.When(lb + lbu).AssertEqual("lb/lbu: value0 is the addressed byte", v0, (offset[0] * w[0]) + (offset[1] * w[1]) + (offset[2] * w[2]) + (offset[3] * w[3]));
        builder.When(oneByte).AssertZero("lb/lbu/sb: value1 is 0", v1);
        builder.When(lh + lhu).AssertEqual("lh/lhu: value0 is the half's low byte", v0, (offset[0] * w[0]) + (offset[2] * w[2]));
        builder.When(lh + lhu).AssertEqual("lh/lhu: value1 is the half's high byte", v1, (offset[0] * w[1]) + (offset[2] * w[3]));

        // Loads: a is the bytes, zero- or sign-extended (x0 keeps its 0).
        var writes = TExpr.One - row.OpAIsX0;
        var extension = TExpr.FromInt(0xff) * sign;
        builder.When((lb + lbu + lh + lhu) * writes).AssertEqual("lb/lbu/lh/lhu: a0 is value0", row.A[0], v0);
        builder.When((lh + lhu) * writes).AssertEqual("lh/lhu: a1 is value1", row.A[1], v1);
        var signed = builder.When((lb + lh) * writes);
        var unsigned = builder.When((lbu + lhu) * writes);
        builder.When(lb * writes).AssertEqual("lb: a1 is the sign extension", row.A[1], extension);
        builder.When(lbu * writes).AssertZero("lbu: a1 is 0", row.A[1]);
        for (var i = 2; i < 4; i++)
        {
            signed.AssertEqual($"lb/lh: a{i} is the sign extension", row.A[i], extension);
            unsigned.AssertZero($"lbu/lhu: a{i} is 0", row.A[i]);
        }

        builder.AssertZero("sign bit only on lb and lh", sign * (TExpr.One - lb - lh));
        ByteLookupBus.Send(builder, ByteOpcode.Msb, sign, (lb * v0) + (lh * v1), TExpr.Zero, lb + lh);

        // Stores: the addressed bytes become a's low bytes, the others stay.
        var store = builder.When(sb + sh);
        store.AssertEqual("sb/sh: value0 is a0", v0, row.A[0]);
        builder.When(sh).AssertEqual("sh: value1 is a1", v1, row.A[1]);
        for (var i = 0; i < 4; i++)
        {
            var moved = builder.When(sb);
            moved.AssertEqual($"sb: byte {i} is a0 where addressed, else unchanged", w[i], (offset[i] * v0) + ((TExpr.One - offset[i]) * p[i]));
        }

        // SH at offset 0 writes bytes 0, 1; at offset 2 bytes 2, 3.
        var shStore = builder.When(sh);
        shStore.AssertEqual("sh: byte 0", w[0], (offset[0] * v0) + ((TExpr.One - offset[0]) * p[0]));
        shStore.AssertEqual("sh: byte 1", w[1], (offset[0] * v1) + ((TExpr.One - offset[0]) * p[1]));
        shStore.AssertEqual("sh: byte 2", w[2], (offset[2] * v0) + ((TExpr.One - offset[2]) * p[2]));
        shStore.AssertEqual("sh: byte 3", w[3], (offset[2] * v1) + ((TExpr.One - offset[2]) * p[3]));
    }
}
