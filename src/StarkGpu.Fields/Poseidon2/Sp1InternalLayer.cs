using System.Runtime.CompilerServices;
using static StarkGpu.Fields.Poseidon2.KoalaBearWords;

namespace StarkGpu.Fields.Poseidon2;

/// <summary>
/// SP1's KoalaBear width-16 internal layer (Plonky3's older DiffusionMatrixKoalaBear, whose diagonal was applied to
/// Montgomery words as plain integers): s_i' = 2^-32 * (sum(s) + D_i * s_i) with
/// D = [-2, 1, 2, 4, 8, ..., 2^13, 2^15] (2^14 skipped). Written as 2^-32 * sum + (D_i * 2^-32) * s_i: the Montgomery
/// word of D_i * 2^-32 is D_i itself (p - 2 for -2), and a Montgomery product by the word 1 is a product by 2^-32.
/// </summary>
public readonly struct Sp1InternalLayer : IPoseidon2InternalLayer
{
    /// <summary>Montgomery word of 2^-32 (= 1057030144 mod p): the integer 1.</summary>
    private const uint InverseTwoPow32 = 1;

    private const uint MinusTwo = 0x7f000001 - 2;

    public static void Apply(ref Poseidon2State16 s)
    {
        var sum = Multiply(Plonky3InternalLayer.Sum(ref s), InverseTwoPow32);
        s.S0 = Add(sum, Multiply(s.S0, MinusTwo));
        s.S1 = Add(sum, Multiply(s.S1, 1));
        s.S2 = Add(sum, Multiply(s.S2, 2));
        s.S3 = Add(sum, Multiply(s.S3, 4));
        s.S4 = Add(sum, Multiply(s.S4, 8));
        s.S5 = Add(sum, Multiply(s.S5, 16));
        s.S6 = Add(sum, Multiply(s.S6, 32));
        s.S7 = Add(sum, Multiply(s.S7, 64));
        s.S8 = Add(sum, Multiply(s.S8, 128));
        s.S9 = Add(sum, Multiply(s.S9, 256));
        s.S10 = Add(sum, Multiply(s.S10, 512));
        s.S11 = Add(sum, Multiply(s.S11, 1024));
        s.S12 = Add(sum, Multiply(s.S12, 2048));
        s.S13 = Add(sum, Multiply(s.S13, 4096));
        s.S14 = Add(sum, Multiply(s.S14, 8192));
        s.S15 = Add(sum, Multiply(s.S15, 32768));
    }
}
