using StarkGpu.Engine.Chips;
using StarkGpu.Engine.Machines;

namespace StarkGpu.Engine.SelfTest.Toy;

/// <summary>
/// The toy machine the engine proves itself on before any real machine: a device-capable chip
/// (Square), a host-only chip (Accumulate), a preprocessed lookup table with multiplicities
/// (ByteTable), a local and a global bus, three clusters. The self-test scenarios and the tests use it.
/// </summary>
public static class ToyMachines
{
    /// <summary>The cluster of every chip.</summary>
    public static Cluster AllChipsCluster { get; } = new("all", ["Accumulate", "ByteTable", "Square"]);

    public static IReadOnlyList<Cluster> DefaultClusters { get; } =
    [
        new Cluster("squares", ["ByteTable", "Square"]),
        new Cluster("accumulate", ["Accumulate"]),
        AllChipsCluster,
    ];

    /// <summary>The toy machine, optionally with its chips wrapped (fault injection) or other clusters.</summary>
    public static Machine<ToyRecord, ToyProgram> Create(
        Func<Chip<ToyRecord, ToyProgram>, Chip<ToyRecord, ToyProgram>>? decorate = null, IEnumerable<Cluster>? clusters = null)
    {
        Chip<ToyRecord, ToyProgram>[] chips = [new SquareChip(), new AccumulateChip(), new ByteTableChip()];
        return new(decorate is null ? chips : chips.Select(decorate), clusters ?? DefaultClusters);
    }

    /// <summary>Shard 0 squares <paramref name="bytes"/>; shard 1 accumulates the squares.</summary>
    public static ToyRecord[] TwoShards(params uint[] bytes)
    {
        var squares = new ToyRecord(0);
        squares.Squares.AddRange(bytes);
        var accumulate = new ToyRecord(1);
        accumulate.Accumulations.AddRange(bytes.Select(x => (x, x * x)));
        return [squares, accumulate];
    }

    /// <summary>One shard that squares and accumulates <paramref name="bytes"/> itself.</summary>
    public static ToyRecord OneShard(params uint[] bytes)
    {
        var record = new ToyRecord(0);
        record.Squares.AddRange(bytes);
        record.Accumulations.AddRange(bytes.Select(x => (x, x * x)));
        return record;
    }

    /// <summary>A record with the squares of <paramref name="record"/> and no accumulations.</summary>
    public static ToyRecord SquaresOnly(ToyRecord record)
    {
        var squares = new ToyRecord(record.ShardIndex);
        squares.Squares.AddRange(record.Squares);
        return squares;
    }
}
