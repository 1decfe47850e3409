namespace StarkGpu.Rv32im.Chips.ByteLookup;

/// <summary>
/// Columns of <see cref="ByteLookupChip"/>. Preprocessed: the pair (b, c) and the result of every opcode with a
/// result (U8Range's is always 0 and needs no column). Main: one multiplicity column per <see cref="ByteOpcode"/>,
/// at the opcode's value. Device: the preprocessed table by <see cref="ByteTableKernel"/>, the multiplicities from
/// the counters its sources count into (<see cref="ByteLookupCounts"/>).
/// </summary>
public static class ByteLookupColumns
{
    public const int B = 0;
    public const int C = 1;
    public const int And = 2;
    public const int Or = 3;
    public const int Xor = 4;
    public const int Ltu = 5;
    public const int Msb = 6;
    public const int PreprocessedWidth = 7;

    /// <summary>Main width: a multiplicity per byte opcode.</summary>
    public const int Width = ByteLookupTable.OpcodeCount;

    /// <summary>The main column counting lookups of <paramref name="opcode"/>.</summary>
    public static int Multiplicity(ByteOpcode opcode) => (int)opcode;

    /// <summary>The preprocessed column holding the result of <paramref name="opcode"/>, or -1 for U8Range (result 0).</summary>
    public static int Result(ByteOpcode opcode) => opcode switch
    {
        ByteOpcode.And => And,
        ByteOpcode.Or => Or,
        ByteOpcode.Xor => Xor,
        ByteOpcode.U8Range => -1,
        ByteOpcode.Ltu => Ltu,
        ByteOpcode.Msb => Msb,
        _ => throw new ArgumentOutOfRangeException(nameof(opcode), opcode, "not a byte opcode"),
    };
}
