using System.Numerics;

namespace StarkGpu.Fields;

/// <summary>
/// A finite field element type. Static abstract members let code over fields be written once as a
/// generic over <typeparamref name="TSelf"/> and specialised by the JIT (structs, no boxing).
/// </summary>
public interface IField<TSelf> :
    IAdditionOperators<TSelf, TSelf, TSelf>,
    ISubtractionOperators<TSelf, TSelf, TSelf>,
    IMultiplyOperators<TSelf, TSelf, TSelf>,
    IUnaryNegationOperators<TSelf, TSelf>,
    IEqualityOperators<TSelf, TSelf, bool>,
    IAdditiveIdentity<TSelf, TSelf>,
    IMultiplicativeIdentity<TSelf, TSelf>,
    IEquatable<TSelf>
    where TSelf : struct, IField<TSelf>
{
    static abstract TSelf Zero { get; }

    static abstract TSelf One { get; }

    bool IsZero { get; }

    /// <summary>The multiplicative inverse; throws <see cref="DivideByZeroException"/> for zero.</summary>
    TSelf Inverse();

    TSelf Square();

    /// <summary>This element raised to <paramref name="exponent"/> (x^0 = 1, including 0^0).</summary>
    TSelf Pow(ulong exponent);
}
