using System.Runtime.CompilerServices;

namespace StarkGpu.Fields.Poseidon2;

/// <summary>KoalaBear arithmetic on bare Montgomery words, for the permutation's lanes (which are words, not structs).</summary>
internal static class KoalaBearWords
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint Add(uint a, uint b) => Montgomery31<KoalaBear.Parameters>.Add(a, b);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint Subtract(uint a, uint b) => Montgomery31<KoalaBear.Parameters>.Subtract(a, b);

    /// <summary>a * b / 2^32 mod p: the field product when both are Montgomery words; a word times a plain integer
    /// b &lt; p gives that element times b * 2^-32 (how SP1's layer scales).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint Multiply(uint a, uint b) => Montgomery31<KoalaBear.Parameters>.Multiply(a, b);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint Double(uint a) => Add(a, a);

    /// <summary>The S-box x^3.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint Cube(uint a) => Multiply(Multiply(a, a), a);

    public static uint FromCanonical(uint value) => Montgomery31<KoalaBear.Parameters>.FromCanonical(value);
}
