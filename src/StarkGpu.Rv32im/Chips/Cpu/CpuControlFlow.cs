using StarkGpu.Engine.Air;
using StarkGpu.Fields;
using StarkGpu.Rv32im.Chips.Alu.Shared;
using StarkGpu.Rv32im.Chips.ByteLookup;
using StarkGpu.Rv32im.Elf;
using StarkGpu.Rv32im.Events;
using StarkGpu.Rv32im.Isa;
using static StarkGpu.Rv32im.Chips.Cpu.CpuControlColumns;

namespace StarkGpu.Rv32im.Chips.Cpu;

/// <summary>
/// Control flow on <see cref="CpuChip"/> rows (columns <see cref="CpuControlColumns"/>), SP1 v3's way: the Cpu row
/// sends every sum to the AddSub chip and every ordering comparison to the Lt chip over the alu bus (the executor
/// emits those events, <c>ShardRecorder</c>), and ties next_pc to pc + 4 or the proven target:
/// <list type="bullet">
/// <item>branch: cmp is a == b (BEQ/BNE, by columns) or a &lt; b (SLT/SLTU event); taken = cmp xor negate;
/// taken: ADD target = pc + c; next_pc is the target, and pc + 4 when not taken;</item>
/// <item>JAL: ADD target = pc + b, next_pc = target; JALR: ADD target = b + c, next_pc = target - bit 0;</item>
/// <item>JAL/JALR with rd != x0: ADD a = pc + 4; AUIPC with rd != x0: ADD a = pc + b.</item>
/// </list>
/// pc and target are canonical words (top byte below the address limit's, so below p): their limbs then name
/// the elements pc and next_pc and no other word. Every constraint has degree at most 3; all vanish on zero rows.
/// </summary>
internal static class CpuControlFlow
{
    /// <summary>The top byte every address lies below (<see cref="AddressSpace.Limit"/> has zero low bytes).</summary>
    private const uint LimitTopByte = AddressSpace.Limit >> 24;

    public static void Eval<TExpr>(IAirBuilder<TExpr> builder, in CpuRow<TExpr> row)
        where TExpr : IAirExpression<TExpr>
    {
        var pc = WordLimbs.Local(builder, PcLimbs);
        var target = WordLimbs.Local(builder, Target);
        var jump = row.IsJal + row.IsJalr;
        var usesPc = row.IsBranch + jump + row.IsAuipc;
        var four = TExpr.FromInt(MemoryAccessPosition.CyclesPerInstruction);

        builder.When(usesPc).AssertEqual("control: pc limbs are pc", CpuRow.Value(pc), row.Pc);
        ByteLookupBus.Send(builder, ByteOpcode.Ltu, TExpr.One, pc[3], TExpr.FromInt(LimitTopByte), usesPc);
        ByteLookupBus.Send(builder, ByteOpcode.Ltu, TExpr.One, target[3], TExpr.FromInt(LimitTopByte), row.IsBranch + jump);

        var taken = Branch(builder, row);
        builder.When(row.IsBranch + row.IsJal).AssertEqual("branch/jal: next_pc is the target", row.NextPc, CpuRow.Value(target));
        builder.AssertZero("branch not taken: next_pc = pc + 4", (row.IsBranch - taken) * (row.NextPc - row.Pc - four));
        AluBus.Send(builder, AluBus.Opcode<TExpr>(Opcode.Add), target, pc, row.C, taken);
        AluBus.Send(builder, AluBus.Opcode<TExpr>(Opcode.Add), target, pc, row.B, row.IsJal);
        AluBus.Send(builder, AluBus.Opcode<TExpr>(Opcode.Add), target, row.B, row.C, row.IsJalr);

        // JALR clears bit 0 of b + c: target0 = 2 * half + bit with half a byte (target0 is one: AddSub checks it).
        var half = builder.Local(JalrHalf);
        var bit = builder.Local(JalrBit);
        builder.AssertBool("jalr: bit is boolean", bit);
        builder.When(row.IsJalr).AssertEqual("jalr: target byte 0 = 2 * half + bit", target[0], (TExpr.FromInt(2) * half) + bit);
        builder.When(row.IsJalr).AssertEqual("jalr: next_pc is the target with bit 0 cleared", row.NextPc, CpuRow.Value(target) - bit);
        ByteLookupBus.SendRange(builder, half, TExpr.Zero, row.IsJalr);

        // The link and AUIPC's sum; into x0 the row writes 0 (CpuConstraints), which is no sum.
        var writes = TExpr.One - row.OpAIsX0;
        AluBus.Send(builder, AluBus.Opcode<TExpr>(Opcode.Add), row.A, pc, [four, TExpr.Zero, TExpr.Zero, TExpr.Zero], jump * writes);
        AluBus.Send(builder, AluBus.Opcode<TExpr>(Opcode.Add), row.A, pc, row.B, row.IsAuipc * writes);
    }

    /// <summary>
    /// The branch condition; returns the taken column. The opcode (committed by the program bus) fixes eq and
    /// negate: with d = opcode - BEQ - negate, BEQ/BNE give d = 0, BLT/BGE d = 2 and BLTU/BGEU d = 4, so eq forces
    /// d = 0, no eq forces d in {2, 4} (no other boolean pair fits an opcode), and SLT + (d - 2) / 2 is the Lt
    /// opcode: one column fewer than a signed flag.
    /// </summary>
    private static TExpr Branch<TExpr>(IAirBuilder<TExpr> builder, in CpuRow<TExpr> row)
        where TExpr : IAirExpression<TExpr>
    {
        var eq = builder.Local(BranchEq);
        var negate = builder.Local(BranchNegate);
        var cmp = builder.Local(BranchCmp);
        var taken = builder.Local(BranchTaken);
        builder.AssertBool("branch: eq is boolean", eq);
        builder.AssertBool("branch: negate is boolean", negate);
        builder.AssertBool("branch: cmp is boolean", cmp);
        var notBranch = TExpr.One - row.IsBranch;
        builder.AssertZero("branch: eq only on a branch", eq * notBranch);
        builder.AssertZero("branch: negate only on a branch", negate * notBranch);

        var d = row.Opcode - AluBus.Opcode<TExpr>(Opcode.Beq) - negate;
        builder.AssertZero("branch: eq is beq/bne", eq * d);
        var ordered = row.IsBranch - eq;
        builder.AssertZero("branch: no eq is blt/bge/bltu/bgeu", ordered * (d - TExpr.FromInt(2)) * (d - TExpr.FromInt(4)));

        // Equality by columns: cmp = 1 makes every limb pair equal; cmp = 0 needs an inverse of
        // sum (a_i - b_i)^2, which is below p for byte limbs and zero only when they are all equal.
        var squares = TExpr.Zero;
        var equal = builder.When(eq * cmp);
        for (var i = 0; i < WordLimbs.Count; i++)
        {
            var difference = row.A[i] - row.B[i];
            equal.AssertZero($"beq/bne: cmp means a{i} = b{i}", difference);
            squares += difference * difference;
        }

        builder.AssertEqual("beq/bne: no cmp means a != b", builder.Local(BranchNeInverse) * squares, eq * (TExpr.One - cmp));

        // Ordering by the Lt chip: cmp = (a < b), SLT for BLT/BGE and SLTU for BLTU/BGEU.
        var half = TExpr.FromField(KoalaBear.FromCanonical((KoalaBear.Modulus + 1) / 2));
        var ltOpcode = AluBus.Opcode<TExpr>(Opcode.Slt) + ((d - TExpr.FromInt(2)) * half);
        AluBus.Send(builder, ltOpcode, [cmp, TExpr.Zero, TExpr.Zero, TExpr.Zero], row.A, row.B, ordered);

        builder.AssertEqual("branch: taken = cmp xor negate", taken, row.IsBranch * (cmp + negate - (TExpr.FromInt(2) * cmp * negate)));
        return taken;
    }
}
