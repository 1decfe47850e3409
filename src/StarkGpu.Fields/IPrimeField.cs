namespace StarkGpu.Fields;

/// <summary>
/// A prime field below 2^31 stored in Montgomery form (R = 2^32) in one 32-bit word. The same code runs in ILGPU
/// kernels, so host and device values compare bit for bit.
/// </summary>
public interface IPrimeField<TSelf> : IField<TSelf>
    where TSelf : struct, IPrimeField<TSelf>
{
    static abstract uint Modulus { get; }

    /// <summary>The largest k such that 2^k divides p - 1.</summary>
    static abstract int TwoAdicity { get; }

    /// <summary>W of the degree-4 extension F[X] / (X^4 - W); a non-square, so the polynomial is irreducible.</summary>
    static abstract TSelf Ext4NonResidue { get; }

    /// <summary>The stored Montgomery bits (value * 2^32 mod p), always below p.</summary>
    uint Raw { get; }

    /// <summary>The value in [0, p).</summary>
    uint Canonical { get; }

    /// <summary>The element <paramref name="value"/> mod p (any 32-bit value is accepted).</summary>
    static abstract TSelf FromCanonical(uint value);

    /// <summary>The element <paramref name="value"/> mod p, negative values included.</summary>
    static abstract TSelf FromSigned(long value);

    /// <summary>The element whose Montgomery bits are <paramref name="montgomeryBits"/>; throws if they are not below p.</summary>
    static abstract TSelf FromRaw(uint montgomeryBits);

    /// <summary>
    /// A generator of the multiplicative subgroup of order 2^<paramref name="logN"/>
    /// (the same roots of unity Plonky3 uses), for 0 &lt;= logN &lt;= <see cref="TwoAdicity"/>.
    /// </summary>
    static abstract TSelf TwoAdicGenerator(int logN);
}
