using StarkGpu.Engine.Air;
using StarkGpu.Rv32im.Chips.Alu.Shared;
using StarkGpu.Rv32im.Chips.ByteLookup;
using StarkGpu.Rv32im.Chips.ProgramTable;
using StarkGpu.Rv32im.Events;

namespace StarkGpu.Rv32im.Chips.Cpu;

/// <summary>
/// The bus interactions of one <see cref="CpuChip"/> row, in the shapes of <see cref="Rv32imBuses"/>: the
/// instruction fetched (program), the ALU operation (alu), the four memory accesses with their timestamps of
/// <see cref="MemoryAccessPosition"/> (memory), the syscall (syscall), and on the byte bus range checks of written
/// words and of the address sum, and the zero test of op_a.
/// Every multiplicity vanishes on an all-zero row.
/// </summary>
internal static class CpuInteractions
{
    public static void Eval<TExpr>(IAirBuilder<TExpr> builder, in CpuRow<TExpr> row)
        where TExpr : IAirExpression<TExpr>
    {
        ProgramBus.Send(
            builder,
            [row.Pc, row.Opcode, row.OpA, .. Operand(row.OpB, row.ImmB, row.B), .. Operand(row.OpC, row.ImmC, row.C), row.ImmB, row.ImmC, row.Flags()],
            row.IsReal);

        AluBus.Send(builder, row.Opcode, row.A, row.B, row.C, row.AluSend);

        // Accesses in timestamp order within the cycle: memory at clk, c at clk + 1, b at clk + 2, a at clk + 3.
        // Every instruction accesses register op_a (read for stores and branches, written otherwise; ECALL's is t0).
        Access(builder, row, row.MemAddr, row.MemPrevShard, row.MemPrevTimestamp, row.MemPrev, MemoryAccessPosition.Memory, row.MemValue, row.IsMemory);
        Access(builder, row, row.OpC, row.CPrevShard, row.CPrevTimestamp, row.C, MemoryAccessPosition.C, row.C, row.IsReal - row.ImmC);
        Access(builder, row, row.OpB, row.BPrevShard, row.BPrevTimestamp, row.B, MemoryAccessPosition.B, row.B, row.IsReal - row.ImmB);
        Access(builder, row, row.OpA, row.APrevShard, row.APrevTimestamp, row.APrev, MemoryAccessPosition.A, row.A, row.IsReal);

        // t0 before the call is the syscall id; a0 and a1 are b and c. Words as single elements, reduced mod p.
        builder.Send(
            Rv32imBuses.Syscall,
            [row.Shard, row.Clk, CpuRow.Value(row.APrev), CpuRow.Value(row.B), CpuRow.Value(row.C)],
            row.IsEcall);

        // Words this row writes into registers or memory must be words. Read values were range-checked when they
        // were written; stores and branches only read a.
        WordRangeCheck.Send(builder, row.A, row.IsReal - row.IsStore - row.IsBranch);
        WordRangeCheck.Send(builder, row.MemValue, row.IsStore);

        // op_a_is_x0 is exactly [op_a == 0]: the table proves 1 - op_a_is_x0 = [0 < op_a] for a byte op_a. Without it
        // a row could clear op_a_is_x0 for x0 and write a non-zero value into it.
        ByteLookupBus.Send(builder, ByteOpcode.Ltu, TExpr.One - row.OpAIsX0, TExpr.Zero, row.OpA, row.IsReal);

        // The address sum b + c is an integer sum only if its limbs are bytes: addr, its split of byte 0, and c
        // (an immediate, whose limbs are otherwise only bound by their value mod p).
        WordRangeCheck.Send(builder, row.Addr, row.IsMemory);
        ByteLookupBus.SendRange(builder, row.AddrQ, TExpr.Zero, row.IsMemory);
        WordRangeCheck.Send(builder, row.C, row.IsMemory);
    }

    /// <summary>
    /// An operand's limbs in the program tuple: the value's limbs for an immediate (so the row's limbs are the
    /// committed ones, not another word equal mod p), [register index, 0, 0, 0] for a register.
    /// </summary>
    private static TExpr[] Operand<TExpr>(TExpr register, TExpr isImmediate, TExpr[] value)
        where TExpr : IAirExpression<TExpr>
    {
        var isRegister = TExpr.One - isImmediate;
        return [(isImmediate * value[0]) + (isRegister * register), isImmediate * value[1], isImmediate * value[2], isImmediate * value[3]];
    }

    /// <summary>Takes the previous state of <paramref name="address"/> off the memory bus and puts the new one on.</summary>
    private static void Access<TExpr>(
        IAirBuilder<TExpr> builder,
        in CpuRow<TExpr> row,
        TExpr address,
        TExpr prevShard,
        TExpr prevTimestamp,
        TExpr[] prevValue,
        uint position,
        TExpr[] value,
        TExpr multiplicity)
        where TExpr : IAirExpression<TExpr>
    {
        builder.Receive(Rv32imBuses.Memory, [address, prevShard, prevTimestamp, prevValue[0], prevValue[1], prevValue[2], prevValue[3]], multiplicity);
        var timestamp = row.Clk + TExpr.FromInt(position);
        builder.Send(Rv32imBuses.Memory, [address, row.Shard, timestamp, value[0], value[1], value[2], value[3]], multiplicity);
    }
}
