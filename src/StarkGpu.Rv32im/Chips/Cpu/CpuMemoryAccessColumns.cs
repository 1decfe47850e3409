namespace StarkGpu.Rv32im.Chips.Cpu;

/// <summary>
/// The Cpu columns that prove memory accesses beyond the word itself: every access's timestamp order, the data
/// address's bounds, and byte and half-word loads and stores. They follow <see cref="CpuControlColumns"/>.
/// Constraints: <see cref="CpuMemoryAccess"/> and <see cref="CpuSubWordAccess"/>.
/// </summary>
public static class CpuMemoryAccessColumns
{
    public const int Start = CpuControlColumns.End;

    /// <summary>The row's four accesses, in <see cref="CpuMemoryAccess"/> order: data word, c, b, a.</summary>
    public const int AccessCount = 4;

    /// <summary>Columns per access: same_shard, then the three bytes of its order difference.</summary>
    public const int PerAccess = 4;

    /// <summary>
    /// Access k's same_shard (column <c>Order + 4k</c>): 1 when its previous access was in this shard. Then
    /// diff0..2 (<c>Order + 4k + 1..3</c>): the bytes of timestamp - prev_timestamp - 1 if so, else of
    /// shard - prev_shard - 1; both below 2^24 exactly when the previous access came first. Zero when the access
    /// does not happen (an immediate operand, a row without data access).
    /// </summary>
    public const int Order = Start;

    /// <summary>1 when addr1 = addr2 = addr3 = 0 (a load or store whose address is a single byte; it must be at least 0x20).</summary>
    public const int AddrHighZero = Order + (AccessCount * PerAccess);

    /// <summary>The inverse of addr1 + addr2 + addr3 when that is not zero (0 otherwise): proves addr_high_zero is 0 only when it must be.</summary>
    public const int AddrHighInverse = AddrHighZero + 1;

    /// <summary>
    /// One selector per sub-word opcode: LB, LBU, LH, LHU, SB, SH (in that order; LW and SW are is_word_access). Bound
    /// to the committed opcode by <c>CpuSubWordAccess</c>.
    /// </summary>
    public const int SubWordSelectors = AddrHighInverse + 1;

    /// <summary>Number of <see cref="SubWordSelectors"/>.</summary>
    public const int SubWordOpcodeCount = 6;

    /// <summary>offset_is_0..3: one-hot of the address's low two bits (addr & 3) on a load or store.</summary>
    public const int OffsetIs = SubWordSelectors + SubWordOpcodeCount;

    /// <summary>
    /// value0, value1: the bytes a sub-word access moves: a byte access's byte (value1 = 0), a half-word access's two
    /// bytes; for a load taken from the word, for a store put into it.
    /// </summary>
    public const int SubWordValue = OffsetIs + 4;

    /// <summary>The sign bit of a signed load (bit 7 of value0 for LB, of value1 for LH), by the byte table's Msb.</summary>
    public const int SignBit = SubWordValue + 2;

    public const int Width = SignBit + 1 - Start;

    public const int End = Start + Width;
}
