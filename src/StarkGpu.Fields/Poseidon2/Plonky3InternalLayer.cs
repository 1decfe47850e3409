using System.Runtime.CompilerServices;
using static StarkGpu.Fields.Poseidon2.KoalaBearWords;

namespace StarkGpu.Fields.Poseidon2;

/// <summary>
/// Plonky3's KoalaBear width-16 internal layer: s_i' = sum(s) + V_i * s_i (the matrix J + diag(V)) with
/// V = [-2, 1, 2, 1/2, 3, 4, -1/2, -3, -4, 1/2^8, 1/8, 1/2^24, -1/2^8, -1/8, -1/16, -1/2^24]. The small integer
/// entries are additions; the fractions are Montgomery products by the words of V_i (value * 2^32 mod p).
/// </summary>
public readonly struct Plonky3InternalLayer : IPoseidon2InternalLayer
{
    // Montgomery words of the fractional entries of V.
    private const uint Half = 0x00ffffff;
    private const uint MinusHalf = 0x7e000002;
    private const uint InverseTwoPow8 = 0x01000000;
    private const uint InverseEight = 0x20000000;
    private const uint InverseTwoPow24 = 0x00000100;
    private const uint MinusInverseTwoPow8 = 0x7e000001;
    private const uint MinusInverseEight = 0x5f000001;
    private const uint MinusInverseSixteen = 0x6f000001;
    private const uint MinusInverseTwoPow24 = 0x7effff01;

    public static void Apply(ref Poseidon2State16 s)
    {
        var sum = Sum(ref s);
        s.S0 = Subtract(sum, Double(s.S0));
        s.S1 = Add(sum, s.S1);
        s.S2 = Add(sum, Double(s.S2));
        s.S3 = Add(sum, Multiply(s.S3, Half));
        s.S4 = Add(sum, Add(Double(s.S4), s.S4));
        s.S5 = Add(sum, Double(Double(s.S5)));
        s.S6 = Add(sum, Multiply(s.S6, MinusHalf));
        s.S7 = Subtract(sum, Add(Double(s.S7), s.S7));
        s.S8 = Subtract(sum, Double(Double(s.S8)));
        s.S9 = Add(sum, Multiply(s.S9, InverseTwoPow8));
        s.S10 = Add(sum, Multiply(s.S10, InverseEight));
        s.S11 = Add(sum, Multiply(s.S11, InverseTwoPow24));
        s.S12 = Add(sum, Multiply(s.S12, MinusInverseTwoPow8));
        s.S13 = Add(sum, Multiply(s.S13, MinusInverseEight));
        s.S14 = Add(sum, Multiply(s.S14, MinusInverseSixteen));
        s.S15 = Add(sum, Multiply(s.S15, MinusInverseTwoPow24));
    }

    /// <summary>The sum of the 16 lanes (shared with <see cref="Sp1InternalLayer"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static uint Sum(ref Poseidon2State16 s)
    {
        var a = Add(Add(s.S0, s.S1), Add(s.S2, s.S3));
        var b = Add(Add(s.S4, s.S5), Add(s.S6, s.S7));
        var c = Add(Add(s.S8, s.S9), Add(s.S10, s.S11));
        var d = Add(Add(s.S12, s.S13), Add(s.S14, s.S15));
        return Add(Add(a, b), Add(c, d));
    }
}
