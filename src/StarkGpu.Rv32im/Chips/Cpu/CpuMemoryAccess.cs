using StarkGpu.Engine.Air;
using StarkGpu.Rv32im.Chips.ByteLookup;
using StarkGpu.Rv32im.Elf;
using StarkGpu.Rv32im.Events;
using static StarkGpu.Rv32im.Chips.Cpu.CpuMemoryAccessColumns;

namespace StarkGpu.Rv32im.Chips.Cpu;

/// <summary>
/// What the memory bus alone does not prove about a row's accesses (SP1 v3's MemoryAccessCols and address checks):
/// <list type="bullet">
/// <item>Each access comes after the one it takes off the bus: (prev_shard, prev_timestamp) &lt; (shard, timestamp),
/// by a difference minus one split into three range-checked bytes (a shard's clk stays below 2^24 because a shard has
/// at most <see cref="Execution.ExecutionOptions.MaxShardSize"/> cycles, and timestamps the bus carries are real ones).
/// Without it a prover could read a value from the future or replay an old one.</item>
/// <item>A data address is in [0x20, <see cref="AddressSpace.Limit"/>): at least 0x20 so that a word cannot alias
/// the registers (addresses 0..31), its top byte below 0x78.</item>
/// </list>
/// The lookups go on the byte bus with multiplicity is_real (an access that does not happen has zero bytes).
/// </summary>
internal static class CpuMemoryAccess
{
    /// <summary>The top address byte must be below this: <see cref="AddressSpace.Limit"/> &gt;&gt; 24.</summary>
    public const uint TopByteLimit = AddressSpace.Limit >> 24;

    /// <summary>The low address byte must exceed this when the higher three are zero: <see cref="AddressSpace.DataStart"/> - 1.</summary>
    public const uint LowByteFloor = AddressSpace.DataStart - 1;

    private static readonly string[] AccessNames = ["memory", "c", "b", "a"];

    public static void Eval<TExpr>(IAirBuilder<TExpr> builder, in CpuRow<TExpr> row)
        where TExpr : IAirExpression<TExpr>
    {
        Order(builder, 0, row, row.MemPrevShard, row.MemPrevTimestamp, MemoryAccessPosition.Memory, row.IsMemory);
        Order(builder, 1, row, row.CPrevShard, row.CPrevTimestamp, MemoryAccessPosition.C, row.IsReal - row.ImmC);
        Order(builder, 2, row, row.BPrevShard, row.BPrevTimestamp, MemoryAccessPosition.B, row.IsReal - row.ImmB);
        Order(builder, 3, row, row.APrevShard, row.APrevTimestamp, MemoryAccessPosition.A, row.IsReal);
        // The top bytes of two accesses share one lookup.
        ByteLookupBus.SendRange(builder, Diff(builder, 0, 2), Diff(builder, 1, 2), row.IsReal);
        ByteLookupBus.SendRange(builder, Diff(builder, 2, 2), Diff(builder, 3, 2), row.IsReal);
        AddressBounds(builder, row);
    }

    private static void Order<TExpr>(
        IAirBuilder<TExpr> builder, int access, in CpuRow<TExpr> row, TExpr prevShard, TExpr prevTimestamp, uint position, TExpr happens)
        where TExpr : IAirExpression<TExpr>
    {
        var name = AccessNames[access];
        var sameShard = builder.Local(CpuMemoryAccessColumns.Order + (PerAccess * access));
        builder.AssertBool($"{name} access: same_shard is boolean", sameShard);
        var when = builder.When(happens);
        when.AssertZero($"{name} access: same_shard means the previous access was in this shard", sameShard * (prevShard - row.Shard));
        var timestamp = row.Clk + TExpr.FromInt(position);
        var expected = (sameShard * (timestamp - prevTimestamp)) + ((TExpr.One - sameShard) * (row.Shard - prevShard)) - TExpr.One;
        var diff = Diff(builder, access, 0) + (TExpr.FromInt(256) * Diff(builder, access, 1)) + (TExpr.FromInt(65536) * Diff(builder, access, 2));
        when.AssertEqual($"{name} access: comes after its previous access (difference - 1 in three bytes)", diff, expected);
        ByteLookupBus.SendRange(builder, Diff(builder, access, 0), Diff(builder, access, 1), row.IsReal);
    }

    /// <summary>Byte <paramref name="limb"/> (0..2) of access <paramref name="access"/>'s difference.</summary>
    private static TExpr Diff<TExpr>(IAirBuilder<TExpr> builder, int access, int limb)
        where TExpr : IAirExpression<TExpr> =>
        builder.Local(CpuMemoryAccessColumns.Order + (PerAccess * access) + 1 + limb);

    private static void AddressBounds<TExpr>(IAirBuilder<TExpr> builder, in CpuRow<TExpr> row)
        where TExpr : IAirExpression<TExpr>
    {
        var highZero = builder.Local(AddrHighZero);
        var inverse = builder.Local(AddrHighInverse);
        var high = row.Addr[1] + row.Addr[2] + row.Addr[3]; // bytes, so zero only if each is
        builder.AssertBool("addr_high_zero is boolean", highZero);
        var memory = builder.When(row.IsMemory);
        memory.AssertEqual("address: addr_high_zero = [addr1 + addr2 + addr3 = 0] (by its inverse)", high * inverse, TExpr.One - highZero);
        memory.AssertZero("address: addr_high_zero only when addr1 + addr2 + addr3 = 0", high * highZero);
        ByteLookupBus.Send(builder, ByteOpcode.Ltu, TExpr.One, row.Addr[3], TExpr.FromInt(TopByteLimit), row.IsMemory);
        ByteLookupBus.Send(builder, ByteOpcode.Ltu, TExpr.One, TExpr.FromInt(LowByteFloor), row.Addr[0], row.IsMemory * highZero);
    }
}
