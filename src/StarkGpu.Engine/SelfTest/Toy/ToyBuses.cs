using StarkGpu.Engine.Air;

namespace StarkGpu.Engine.SelfTest.Toy;

/// <summary>The test machine's buses.</summary>
public static class ToyBuses
{
    /// <summary>Range checks: (byte), sent by Square, received by ByteTable in the same shard.</summary>
    public static readonly Bus Byte = new("byte", 1, BusScope.LocalToShard);

    /// <summary>(x, x^2), sent by Square, received by Accumulate in any shard.</summary>
    public static readonly Bus Squares = new("squares", 2, BusScope.Global);
}
