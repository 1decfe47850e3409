namespace StarkGpu.Fields;

/// <summary>
/// The constants of a prime p &lt; 2^31 in Montgomery form with R = 2^32. A struct implementing it is
/// a type argument of <see cref="Montgomery31{TParameters}"/>, so the JIT folds the constants into
/// one specialised copy of the arithmetic per field.
/// </summary>
internal interface IMontgomery31Parameters
{
    static abstract uint Modulus { get; }

    /// <summary>p^-1 mod 2^32.</summary>
    static abstract uint ModulusInverse { get; }

    /// <summary>R^2 mod p = 2^64 mod p: Montgomery-multiplying by it converts into Montgomery form.</summary>
    static abstract uint RSquared { get; }

    /// <summary>The canonical value of a generator of the 2^TwoAdicity-th roots of unity.</summary>
    static abstract uint TwoAdicRootOfUnity { get; }

    static abstract int TwoAdicity { get; }

    /// <summary>The canonical value of W in X^4 - W.</summary>
    static abstract uint Ext4NonResidue { get; }
}
