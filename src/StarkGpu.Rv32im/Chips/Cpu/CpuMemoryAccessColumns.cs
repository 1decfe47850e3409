namespace StarkGpu.Rv32im.Chips.Cpu;

/// <summary>
/// The Cpu columns that prove memory accesses beyond the word itself: every access's timestamp order and the data
/// address's bounds. They follow <see cref="CpuControlColumns"/>. Constraints: <see cref="CpuMemoryAccess"/>.
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

    public const int Width = AddrHighInverse + 1 - Start;

    public const int End = Start + Width;
}
