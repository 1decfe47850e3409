using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace StarkGpu.Fields;

/// <summary>
/// BabyBear, p = 15 * 2^27 + 1 = 0x78000001, two-adicity 27, one 32-bit Montgomery word
/// (R = 2^32, as Plonky3 stores it; one is 0x0ffffffe). Degree-4 extension X^4 - 11.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public readonly struct BabyBear : IPrimeField<BabyBear>
{
    private readonly uint _raw;

    private BabyBear(uint raw) => _raw = raw;

    /// <summary>The constants that specialise the shared Montgomery arithmetic.</summary>
    internal readonly struct Parameters : IMontgomery31Parameters
    {
        public static uint Modulus => 0x78000001;

        public static uint ModulusInverse => 0x88000001;

        public static uint RSquared => 0x45dddde3;

        public static uint TwoAdicRootOfUnity => 0x1a427a41; // 31^15, 31 generating the whole group

        public static int TwoAdicity => 27;

        public static uint Ext4NonResidue => 11;
    }

    public static uint Modulus => Parameters.Modulus;

    public static int TwoAdicity => Parameters.TwoAdicity;

    public static BabyBear Zero => default;

    public static BabyBear One => new(Montgomery31<Parameters>.One);

    public static BabyBear AdditiveIdentity => Zero;

    public static BabyBear MultiplicativeIdentity => One;

    public static BabyBear Ext4NonResidue => FromCanonical(Parameters.Ext4NonResidue);

    public uint Raw => _raw;

    public uint Canonical => Montgomery31<Parameters>.ToCanonical(_raw);

    public bool IsZero => _raw == 0;

    public static BabyBear FromCanonical(uint value) => new(Montgomery31<Parameters>.FromCanonical(value));

    public static BabyBear FromSigned(long value) => new(Montgomery31<Parameters>.FromSigned(value));

    public static BabyBear FromRaw(uint montgomeryBits) => new(Montgomery31<Parameters>.CheckedRaw(montgomeryBits));

    public static BabyBear TwoAdicGenerator(int logN) => new(Montgomery31<Parameters>.TwoAdicGenerator(logN));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static BabyBear operator +(BabyBear left, BabyBear right) => new(Montgomery31<Parameters>.Add(left._raw, right._raw));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static BabyBear operator -(BabyBear left, BabyBear right) => new(Montgomery31<Parameters>.Subtract(left._raw, right._raw));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static BabyBear operator *(BabyBear left, BabyBear right) => new(Montgomery31<Parameters>.Multiply(left._raw, right._raw));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static BabyBear operator -(BabyBear value) => new(Montgomery31<Parameters>.Negate(value._raw));

    public static bool operator ==(BabyBear left, BabyBear right) => left._raw == right._raw;

    public static bool operator !=(BabyBear left, BabyBear right) => left._raw != right._raw;

    public BabyBear Square() => this * this;

    public BabyBear Pow(ulong exponent) => FieldMath.Pow(this, exponent);

    public BabyBear Inverse() => FieldMath.InverseByFermat(this);

    public bool Equals(BabyBear other) => _raw == other._raw;

    public override bool Equals(object? obj) => obj is BabyBear other && Equals(other);

    public override int GetHashCode() => (int)_raw;

    public override string ToString() => Canonical.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
