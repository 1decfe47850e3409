using System.Runtime.CompilerServices;

namespace StarkGpu.Fields;

/// <summary>
/// Arithmetic on Montgomery words (x * 2^32 mod p, kept in [0, p)) for a prime p &lt; 2^31, written
/// once for every such field. The same code runs in ILGPU kernels, so host and device produce the same bits.
/// </summary>
internal static class Montgomery31<TParameters>
    where TParameters : struct, IMontgomery31Parameters
{
    private static uint P => TParameters.Modulus;

    /// <summary>2^32 mod p: the Montgomery form of 1.</summary>
    public static uint One => (uint)((1UL << 32) % P);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint Add(uint a, uint b)
    {
        var sum = a + b; // < 2p < 2^32: no wrap-around
        return sum >= P ? sum - P : sum;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint Subtract(uint a, uint b)
    {
        var difference = a - b;
        return a < b ? difference + P : difference;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint Negate(uint a) => a == 0 ? 0 : P - a;

    /// <summary>
    /// a * b / 2^32 mod p, for a * b &lt; p * 2^32. With x = a * b = hi:lo and m = lo * p^-1 mod 2^32,
    /// m * p has the same low word as x, so (x - m * p) / 2^32 = hi - high(m * p), which lies in
    /// (-p, p): one conditional add of p makes it canonical. Only 32x32 multiplies, as on the GPU.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint Multiply(uint a, uint b)
    {
        var product = (ulong)a * b;
        var m = (uint)product * TParameters.ModulusInverse;
        var mpHigh = (uint)(((ulong)m * P) >> 32);
        var high = (uint)(product >> 32);
        var result = high - mpHigh;
        return high < mpHigh ? result + P : result;
    }

    /// <summary>Montgomery form of <paramref name="value"/> mod p; any 32-bit value (value * R^2 &lt; p * 2^32).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint FromCanonical(uint value) => Multiply(value, TParameters.RSquared);

    /// <summary>The canonical value of a Montgomery word: one reduction, i.e. a Montgomery multiply by 1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint ToCanonical(uint raw) => Multiply(raw, 1);

    public static uint FromSigned(long value)
    {
        var reduced = value % P; // in (-p, p)
        return FromCanonical((uint)(reduced < 0 ? reduced + P : reduced));
    }

    public static uint CheckedRaw(uint montgomeryBits) =>
        montgomeryBits < P
            ? montgomeryBits
            : throw new ArgumentOutOfRangeException(nameof(montgomeryBits), montgomeryBits, $"Montgomery bits must be below the modulus 0x{P:x8}");

    public static uint TwoAdicGenerator(int logN)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(logN);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(logN, TParameters.TwoAdicity);

        // The 2^logN-th root is the 2^TwoAdicity-th root squared (TwoAdicity - logN) times.
        var root = FromCanonical(TParameters.TwoAdicRootOfUnity);
        for (var i = logN; i < TParameters.TwoAdicity; i++)
        {
            root = Multiply(root, root);
        }

        return root;
    }
}
