using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using StarkGpu.Fields;

namespace StarkGpu.Kernels.Host;

/// <summary>
/// KoalaBear's from-canonical conversion (a Montgomery multiply by R^2 mod p) on many values at once: the host trace
/// writers fill tiles with plain values and convert each column's sixteen cells (one 64-byte line) here, one multiply
/// per eight or sixteen cells instead of one per cell. Every path gives <see cref="KoalaBear.FromCanonical"/>'s bits
/// for any 32-bit value.
/// </summary>
/// <remarks>
/// The even and odd lanes stay in 64-bit lanes (vpmuludq): with x = v * R^2 and q = x * p^-1 mod 2^32, x and q * p
/// share their low words, so x - q * p is exact and its high word is the result or the result minus p (it lies in
/// (-p, p)); adding p and taking the unsigned minimum picks the right one. The retired CPU kernels of the first
/// version (issue 4) did the same.
/// </remarks>
public static class MontgomeryLines
{
    /// <summary>Cells of one 64-byte line.</summary>
    public const int Cells = 16;

    private const uint P = 0x7f000001;
    private const uint PInverse = 0x81000001;
    private const uint RSquared = 0x17f7efe4;

    /// <summary>Whether <see cref="FromCanonical(Vector512{uint})"/> runs on this machine (AVX-512F).</summary>
    public static bool Has512 => Avx512F.IsSupported;

    /// <summary>Whether <see cref="FromCanonical(Vector256{uint})"/> runs on this machine (AVX2).</summary>
    public static bool Has256 => Avx2.IsSupported;

    /// <summary>The field elements (Montgomery bits) of sixteen values. Requires <see cref="Has512"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<uint> FromCanonical(Vector512<uint> values)
    {
        var r2 = Vector512.Create(RSquared);
        var pInverse = Vector512.Create(PInverse);
        var p = Vector512.Create(P);
        var xEven = Avx512F.Multiply(values, r2);
        var xOdd = Avx512F.Multiply(Avx512F.ShiftRightLogical(values.AsUInt64(), 32).AsUInt32(), r2);
        var dEven = xEven - Avx512F.Multiply(Avx512F.Multiply(xEven.AsUInt32(), pInverse).AsUInt32(), p);
        var dOdd = xOdd - Avx512F.Multiply(Avx512F.Multiply(xOdd.AsUInt32(), pInverse).AsUInt32(), p);
        var r = (Avx512F.ShiftRightLogical(dEven, 32) | (dOdd & Vector512.Create(0xffffffff_00000000ul))).AsUInt32();
        return Avx512F.Min(r, r + p);
    }

    /// <summary>The field elements (Montgomery bits) of eight values. Requires <see cref="Has256"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<uint> FromCanonical(Vector256<uint> values)
    {
        var r2 = Vector256.Create(RSquared);
        var pInverse = Vector256.Create(PInverse);
        var p = Vector256.Create(P);
        var xEven = Avx2.Multiply(values, r2);
        var xOdd = Avx2.Multiply(Avx2.ShiftRightLogical(values.AsUInt64(), 32).AsUInt32(), r2);
        var dEven = xEven - Avx2.Multiply(Avx2.Multiply(xEven.AsUInt32(), pInverse).AsUInt32(), p);
        var dOdd = xOdd - Avx2.Multiply(Avx2.Multiply(xOdd.AsUInt32(), pInverse).AsUInt32(), p);
        var r = Avx2.Blend(Avx2.ShiftRightLogical(dEven, 32).AsUInt32(), dOdd.AsUInt32(), 0xaa);
        return Avx2.Min(r, r + p);
    }

    /// <summary>The field element (Montgomery bits) of one value.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint FromCanonical(uint value) => KoalaBear.FromCanonical(value).Raw;

    /// <summary>
    /// Converts the sixteen values at <paramref name="source"/> into <paramref name="destination"/> (any alignment,
    /// may be the same place) with the widest path this machine has.
    /// </summary>
    public static unsafe void ConvertLine(uint* source, uint* destination)
    {
        if (Has512)
        {
            Vector512.Store(FromCanonical(Vector512.Load(source)), destination);
        }
        else if (Has256)
        {
            var low = FromCanonical(Vector256.Load(source));
            var high = FromCanonical(Vector256.Load(source + 8));
            Vector256.Store(low, destination);
            Vector256.Store(high, destination + 8);
        }
        else
        {
            ConvertScalar(source, destination, Cells);
        }
    }

    /// <summary>Converts <paramref name="count"/> values one at a time.</summary>
    public static unsafe void ConvertScalar(uint* source, uint* destination, int count)
    {
        for (var i = 0; i < count; i++)
        {
            destination[i] = FromCanonical(source[i]);
        }
    }
}
