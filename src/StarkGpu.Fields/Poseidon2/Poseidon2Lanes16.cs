using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace StarkGpu.Fields.Poseidon2;

/// <summary>
/// Sixteen width-16 states side by side for AVX-512: <c>S<i>k</i></c> holds lane k of each of the 16 states (one
/// state per 32-bit element), so every field operation of the permutation is one vector operation for 16 states.
/// </summary>
internal struct Poseidon2Lanes16
{
    public Vector512<uint> S0, S1, S2, S3, S4, S5, S6, S7, S8, S9, S10, S11, S12, S13, S14, S15;
}

/// <summary>
/// KoalaBear Montgomery arithmetic on 16 words at once (AVX-512F), bit for bit <see cref="KoalaBearWords"/>: every
/// result is the canonical Montgomery word in [0, p).
/// </summary>
/// <remarks>
/// Add and subtract pick the reduced value with an unsigned minimum (the wrong candidate wraps above 2^31). Multiply
/// keeps even and odd elements in 64-bit lanes (vpmuludq): with x = a * b and q = x * p^-1 mod 2^32, x - q * p is
/// exact and its high word lies in (-p, p), so adding p and taking the minimum reduces it (as MontgomeryLines does).
/// </remarks>
internal static class KoalaBearVectors
{
    private const uint P = 0x7f000001;
    private const uint PInverse = 0x81000001;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<uint> Add(Vector512<uint> a, Vector512<uint> b)
    {
        var sum = a + b;
        return Avx512F.Min(sum, sum - Vector512.Create(P));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<uint> Subtract(Vector512<uint> a, Vector512<uint> b)
    {
        var difference = a - b;
        return Avx512F.Min(difference, difference + Vector512.Create(P));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<uint> Double(Vector512<uint> a) => Add(a, a);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<uint> Multiply(Vector512<uint> a, Vector512<uint> b)
    {
        var p = Vector512.Create(P);
        var pInverse = Vector512.Create(PInverse);
        var xEven = Avx512F.Multiply(a, b);
        var xOdd = Avx512F.Multiply(Avx512F.ShiftRightLogical(a.AsUInt64(), 32).AsUInt32(), Avx512F.ShiftRightLogical(b.AsUInt64(), 32).AsUInt32());
        var dEven = xEven - Avx512F.Multiply(Avx512F.Multiply(xEven.AsUInt32(), pInverse).AsUInt32(), p);
        var dOdd = xOdd - Avx512F.Multiply(Avx512F.Multiply(xOdd.AsUInt32(), pInverse).AsUInt32(), p);
        var r = (Avx512F.ShiftRightLogical(dEven, 32) | (dOdd & Vector512.Create(0xffffffff_00000000ul))).AsUInt32();
        return Avx512F.Min(r, r + p);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<uint> Multiply(Vector512<uint> a, uint b) => Multiply(a, Vector512.Create(b));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<uint> Cube(Vector512<uint> a) => Multiply(Multiply(a, a), a);
}
