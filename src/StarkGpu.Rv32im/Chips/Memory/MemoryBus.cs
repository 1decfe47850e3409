using StarkGpu.Engine.Air;
using StarkGpu.Rv32im.Chips.Alu.Shared;

namespace StarkGpu.Rv32im.Chips.Memory;

/// <summary>
/// The tuple of <see cref="Rv32imBuses.Memory"/> and <see cref="Rv32imBuses.MemoryGlobal"/>: (address, shard,
/// timestamp, v0..v3), the value as four byte limbs. Built in one place so that every memory chip (and the Cpu
/// chip's accesses) put the elements in the same order.
/// </summary>
public static class MemoryBus
{
    /// <summary>Elements of one tuple.</summary>
    public const int TupleLength = 3 + WordLimbs.Count;

    /// <summary>Puts the state (address, shard, timestamp, value) on <paramref name="bus"/>, <paramref name="multiplicity"/> times.</summary>
    public static void Send<TExpr>(
        IAirBuilder<TExpr> builder, Bus bus, TExpr address, TExpr shard, TExpr timestamp, ReadOnlySpan<TExpr> value, TExpr multiplicity)
        where TExpr : IAirExpression<TExpr>
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Send(bus, Tuple(address, shard, timestamp, value), multiplicity);
    }

    /// <summary>Takes the state (address, shard, timestamp, value) off <paramref name="bus"/>, <paramref name="multiplicity"/> times.</summary>
    public static void Receive<TExpr>(
        IAirBuilder<TExpr> builder, Bus bus, TExpr address, TExpr shard, TExpr timestamp, ReadOnlySpan<TExpr> value, TExpr multiplicity)
        where TExpr : IAirExpression<TExpr>
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Receive(bus, Tuple(address, shard, timestamp, value), multiplicity);
    }

    private static TExpr[] Tuple<TExpr>(TExpr address, TExpr shard, TExpr timestamp, ReadOnlySpan<TExpr> value)
        where TExpr : IAirExpression<TExpr>
    {
        var tuple = new TExpr[TupleLength];
        tuple[0] = address;
        tuple[1] = shard;
        tuple[2] = timestamp;
        value[..WordLimbs.Count].CopyTo(tuple.AsSpan(3));
        return tuple;
    }
}
