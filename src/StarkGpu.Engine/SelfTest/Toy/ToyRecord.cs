using StarkGpu.Engine.Chips;
using StarkGpu.Fields;

namespace StarkGpu.Engine.SelfTest.Toy;

/// <summary>One shard of the test machine: bytes to square, and (x, x^2) pairs to accumulate.</summary>
public sealed class ToyRecord(int shardIndex) : IExecutionRecord
{
    public int ShardIndex { get; } = shardIndex;

    /// <summary>Canonical bytes; each becomes a Square row.</summary>
    public List<uint> Squares { get; } = [];

    /// <summary>Each becomes an Accumulate row, receiving (X, Y) from some shard's Square chip.</summary>
    public List<(uint X, uint Y)> Accumulations { get; } = [];

    public KoalaBear[] PublicValueArray { get; set; } = [];

    public ReadOnlySpan<KoalaBear> PublicValues => PublicValueArray;
}
