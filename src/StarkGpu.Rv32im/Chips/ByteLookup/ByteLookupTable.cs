namespace StarkGpu.Rv32im.Chips.ByteLookup;

/// <summary>
/// The ByteLookup table: one row per byte pair (b, c) at row b * 256 + c, and the result of every
/// <see cref="ByteOpcode"/> on it. Counts of lookups are kept op-major, <c>[OpcodeCount x Rows]</c>, which is
/// also the column-major layout of the chip's multiplicity trace. Row writers count into the same cells, on the host
/// and in kernels (<see cref="ByteLookupCounts"/>).
/// </summary>
public static class ByteLookupTable
{
    /// <summary>Rows: every (b, c) pair of bytes.</summary>
    public const int Rows = 1 << 16;

    /// <summary>Byte opcodes, <c>0..OpcodeCount</c>, one multiplicity column each.</summary>
    public const int OpcodeCount = 6;

    /// <summary>Length of a counts array: one counter per (opcode, b, c).</summary>
    public const int CountCells = OpcodeCount * Rows;

    /// <summary>The row of the pair (b, c), both below 256.</summary>
    public static int Row(uint b, uint c) => (int)((b << 8) | c);

    /// <summary>The counter of the lookup (op, b, c) in a counts array.</summary>
    public static int CountIndex(ByteOpcode opcode, uint b, uint c) => ((int)opcode * Rows) + Row(b, c);

    /// <summary>Whether (op, b, c) names a row of the table.</summary>
    public static bool IsInRange(ByteOpcode opcode, uint b, uint c) => (uint)opcode < OpcodeCount && b < 256 && c < 256;

    /// <summary>The result a of the lookup (op, a, b, c) for bytes b and c.</summary>
    public static uint Result(ByteOpcode opcode, uint b, uint c) => opcode switch
    {
        ByteOpcode.And => b & c,
        ByteOpcode.Or => b | c,
        ByteOpcode.Xor => b ^ c,
        ByteOpcode.U8Range => 0,
        ByteOpcode.Ltu => b < c ? 1u : 0u,
        ByteOpcode.Msb => (b >> 7) & 1,
        _ => throw new ArgumentOutOfRangeException(nameof(opcode), opcode, "not a byte opcode"),
    };
}
