using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace StarkGpu.Fields;

/// <summary>
/// KoalaBear, p = 2^31 - 2^24 + 1 = 0x7f000001, two-adicity 24, one 32-bit Montgomery word
/// (R = 2^32; the bits Plonky3 and SP1 store, so one is 0x01fffffe). Degree-4 extension X^4 - 3.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public readonly struct KoalaBear : IPrimeField<KoalaBear>
{
    private readonly uint _raw;

    private KoalaBear(uint raw) => _raw = raw;

    /// <summary>The constants that specialise the shared Montgomery arithmetic.</summary>
    internal readonly struct Parameters : IMontgomery31Parameters
    {
        public static uint Modulus => 0x7f000001;

        public static uint ModulusInverse => 0x81000001;

        public static uint RSquared => 0x17f7efe4;

        public static uint TwoAdicRootOfUnity => 0x6ac49f88; // 3^127, 3 generating the whole group

        public static int TwoAdicity => 24;

        public static uint Ext4NonResidue => 3;
    }

    public static uint Modulus => Parameters.Modulus;

    public static int TwoAdicity => Parameters.TwoAdicity;

    public static KoalaBear Zero => default;

    public static KoalaBear One => new(Montgomery31<Parameters>.One);

    public static KoalaBear AdditiveIdentity => Zero;

    public static KoalaBear MultiplicativeIdentity => One;

    public static KoalaBear Ext4NonResidue => FromCanonical(Parameters.Ext4NonResidue);

    public uint Raw => _raw;

    public uint Canonical => Montgomery31<Parameters>.ToCanonical(_raw);

    public bool IsZero => _raw == 0;

    public static KoalaBear FromCanonical(uint value) => new(Montgomery31<Parameters>.FromCanonical(value));

    public static KoalaBear FromSigned(long value) => new(Montgomery31<Parameters>.FromSigned(value));

    public static KoalaBear FromRaw(uint montgomeryBits) => new(Montgomery31<Parameters>.CheckedRaw(montgomeryBits));

    public static KoalaBear TwoAdicGenerator(int logN) => new(Montgomery31<Parameters>.TwoAdicGenerator(logN));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static KoalaBear operator +(KoalaBear left, KoalaBear right) => new(Montgomery31<Parameters>.Add(left._raw, right._raw));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static KoalaBear operator -(KoalaBear left, KoalaBear right) => new(Montgomery31<Parameters>.Subtract(left._raw, right._raw));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static KoalaBear operator *(KoalaBear left, KoalaBear right) => new(Montgomery31<Parameters>.Multiply(left._raw, right._raw));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static KoalaBear operator -(KoalaBear value) => new(Montgomery31<Parameters>.Negate(value._raw));

    public static bool operator ==(KoalaBear left, KoalaBear right) => left._raw == right._raw;

    public static bool operator !=(KoalaBear left, KoalaBear right) => left._raw != right._raw;

    public KoalaBear Square() => this * this;

    public KoalaBear Pow(ulong exponent) => FieldMath.Pow(this, exponent);

    public KoalaBear Inverse() => FieldMath.InverseByFermat(this);

    public bool Equals(KoalaBear other) => _raw == other._raw;

    public override bool Equals(object? obj) => obj is KoalaBear other && Equals(other);

    public override int GetHashCode() => (int)_raw;

    public override string ToString() => Canonical.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
