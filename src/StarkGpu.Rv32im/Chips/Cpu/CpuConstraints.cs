using StarkGpu.Engine.Air;
using StarkGpu.Rv32im.Chips.Alu.Shared;
using StarkGpu.Rv32im.Events;

namespace StarkGpu.Rv32im.Chips.Cpu;

/// <summary>
/// The polynomial constraints of <see cref="CpuChip"/> (its bus interactions are <see cref="CpuInteractions"/>).
/// What an instruction computes is proven elsewhere (ALU chips over the alu bus, memory consistency over the memory
/// bus); here: the selectors form one class per real row, operands agree with the committed instruction, x0 stays
/// zero, reads leave values unchanged, word loads and stores move the same four bytes, and consecutive rows chain
/// pc, clk and shard. Every constraint has degree at most 3.
/// </summary>
internal static class CpuConstraints
{
    private static readonly string[] SelectorNames =
        ["is_alu", "is_load", "is_store", "is_branch", "is_jal", "is_jalr", "is_auipc", "is_ecall", "is_word_access"];

    public static void Eval<TExpr>(IAirBuilder<TExpr> builder, in CpuRow<TExpr> local, in CpuRow<TExpr> next)
        where TExpr : IAirExpression<TExpr>
    {
        Selectors(builder, local);
        Operands(builder, local);
        Values(builder, local);
        Address(builder, local);
        Transitions(builder, local, next);
    }

    private static void Selectors<TExpr>(IAirBuilder<TExpr> builder, in CpuRow<TExpr> row)
        where TExpr : IAirExpression<TExpr>
    {
        for (var k = 0; k < row.Selectors.Length; k++)
        {
            builder.AssertBool($"{SelectorNames[k]} is boolean", row.Selectors[k]);
        }

        // With every class selector boolean, a boolean sum means at most one class per row.
        builder.AssertBool("is_real is boolean", row.IsReal);
        builder.AssertBool("imm_b is boolean", row.ImmB);
        builder.AssertBool("imm_c is boolean", row.ImmC);
        builder.AssertBool("op_a_is_x0 is boolean", row.OpAIsX0);
        var notReal = TExpr.One - row.IsReal;
        builder.AssertZero("imm_b only on a real row", row.ImmB * notReal);
        builder.AssertZero("imm_c only on a real row", row.ImmC * notReal);
        builder.AssertZero("is_word_access only on a real row", row.IsWordAccess * notReal);
        builder.AssertZero("is_word_access only on a load or store", row.IsWordAccess * (TExpr.One - row.IsLoad - row.IsStore));
    }

    private static void Operands<TExpr>(IAirBuilder<TExpr> builder, in CpuRow<TExpr> row)
        where TExpr : IAirExpression<TExpr>
    {
        // An immediate operand's value is the immediate: the limbs recompose to op_b (mod p, as the program has it).
        builder.When(row.ImmB).AssertEqual("imm_b: op_b is b", row.OpB, CpuRow.Value(row.B));
        builder.When(row.ImmC).AssertEqual("imm_c: op_c is c", row.OpC, CpuRow.Value(row.C));
        builder.AssertZero("op_a_is_x0 only for register 0", row.OpAIsX0 * row.OpA);
        var x0 = builder.When(row.OpAIsX0);
        for (var i = 0; i < WordLimbs.Count; i++)
        {
            x0.AssertZero($"x0: a{i} is 0", row.A[i]);
        }

        builder.AssertEqual("alu_send = is_alu * (1 - op_a_is_x0)", row.AluSend, row.IsAlu * (TExpr.One - row.OpAIsX0));
        builder.AssertEqual(
            "word_load_sets_a = is_word_access * is_load * (1 - op_a_is_x0)",
            row.WordLoadSetsA,
            row.IsWordAccess * row.IsLoad * (TExpr.One - row.OpAIsX0));
        var steps = TExpr.FromInt(MemoryAccessPosition.CyclesPerInstruction);
        builder.When(row.IsAlu + row.IsLoad + row.IsStore + row.IsAuipc).AssertEqual("next_pc = pc + 4", row.NextPc, row.Pc + steps);
    }

    private static void Values<TExpr>(IAirBuilder<TExpr> builder, in CpuRow<TExpr> row)
        where TExpr : IAirExpression<TExpr>
    {
        var readsA = builder.When(row.IsStore + row.IsBranch);
        var load = builder.When(row.IsLoad);
        var wordLoad = builder.When(row.WordLoadSetsA);
        var wordStore = builder.When(row.IsWordAccess * row.IsStore);
        for (var i = 0; i < WordLimbs.Count; i++)
        {
            readsA.AssertEqual($"store/branch: a{i} is read unchanged", row.A[i], row.APrev[i]);
            load.AssertEqual($"load: memory byte {i} unchanged", row.MemValue[i], row.MemPrev[i]);
            wordLoad.AssertEqual($"lw: a{i} is the loaded word", row.A[i], row.MemValue[i]);
            wordStore.AssertEqual($"sw: memory byte {i} is a{i}", row.MemValue[i], row.A[i]);
        }
    }

    /// <summary>
    /// A load or store accesses the word holding byte b + c: addr = b + c byte by byte with boolean carries (addr
    /// and c range-checked on the byte bus, b a register value), and mem_addr is addr with its two low bits cleared.
    /// </summary>
    private static void Address<TExpr>(IAirBuilder<TExpr> builder, in CpuRow<TExpr> row)
        where TExpr : IAirExpression<TExpr>
    {
        var memory = builder.When(row.IsMemory);
        var byteBase = TExpr.FromInt(256);
        for (var i = 0; i < WordLimbs.Count; i++)
        {
            builder.AssertBool($"addr_carry{i} is boolean", row.AddrCarry[i]);
            var carryIn = i == 0 ? TExpr.Zero : row.AddrCarry[i - 1];
            memory.AssertZero($"address byte {i}: b + c", row.B[i] + row.C[i] + carryIn - row.Addr[i] - (byteBase * row.AddrCarry[i]));
        }

        builder.AssertBool("addr_bit0 is boolean", row.AddrBit0);
        builder.AssertBool("addr_bit1 is boolean", row.AddrBit1);
        var lowBits = (TExpr.FromInt(2) * row.AddrBit1) + row.AddrBit0;
        memory.AssertEqual("address byte 0 = 4 * addr_q + 2 * bit1 + bit0", row.Addr[0], (TExpr.FromInt(4) * row.AddrQ) + lowBits);
        memory.AssertEqual("mem_addr is the address's word", row.MemAddr, CpuRow.Value(row.Addr) - lowBits);
        var word = builder.When(row.IsWordAccess);
        word.AssertZero("lw/sw: address bit 0 is 0", row.AddrBit0);
        word.AssertZero("lw/sw: address bit 1 is 0", row.AddrBit1);
    }

    private static void Transitions<TExpr>(IAirBuilder<TExpr> builder, in CpuRow<TExpr> row, in CpuRow<TExpr> next)
        where TExpr : IAirExpression<TExpr>
    {
        // Real rows come first and chain; the last real row's successor (padding, or row 0 after the wrap) is free,
        // which is why IsTransition and next.is_real both guard.
        var chained = builder.When(builder.IsTransition * next.IsReal);
        chained.AssertEqual("transition: next pc is next_pc", next.Pc, row.NextPc);
        chained.AssertEqual("transition: next clk is clk + 4", next.Clk, row.Clk + TExpr.FromInt(MemoryAccessPosition.CyclesPerInstruction));
        chained.AssertEqual("transition: same shard", next.Shard, row.Shard);
        chained.AssertOne("transition: a real row follows only a real row", row.IsReal);
    }
}
