using System.Runtime.InteropServices;

namespace StarkGpu.Fields;

/// <summary>
/// The degree-4 extension F[X] / (X^4 - W) of a prime field, W = <see cref="IPrimeField{TSelf}.Ext4NonResidue"/>.
/// An element is c0 + c1 X + c2 X^2 + c3 X^3, laid out as four consecutive base-field words. The same struct and
/// code run in ILGPU kernels, so host and device elements compare bit for bit.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public readonly struct BinomialExtension4<TField> : IField<BinomialExtension4<TField>>
    where TField : unmanaged, IPrimeField<TField>
{
    public const int Degree = 4;

    public BinomialExtension4(TField c0, TField c1, TField c2, TField c3)
    {
        C0 = c0;
        C1 = c1;
        C2 = c2;
        C3 = c3;
    }

    public TField C0 { get; }

    public TField C1 { get; }

    public TField C2 { get; }

    public TField C3 { get; }

    public static BinomialExtension4<TField> Zero => default;

    public static BinomialExtension4<TField> One => FromBase(TField.One);

    public static BinomialExtension4<TField> AdditiveIdentity => Zero;

    public static BinomialExtension4<TField> MultiplicativeIdentity => One;

    /// <summary>The generator X of the extension (X^4 = W).</summary>
    public static BinomialExtension4<TField> X => new(TField.Zero, TField.One, TField.Zero, TField.Zero);

    public bool IsZero => C0.IsZero && C1.IsZero && C2.IsZero && C3.IsZero;

    /// <summary>The coefficient of X^<paramref name="index"/>, 0 &lt;= index &lt; 4.</summary>
    public TField this[int index] => index switch
    {
        0 => C0,
        1 => C1,
        2 => C2,
        3 => C3,
        _ => throw new ArgumentOutOfRangeException(nameof(index), index, "an extension coefficient index is 0..3"),
    };

    /// <summary>Embeds a base-field element as c0.</summary>
    public static BinomialExtension4<TField> FromBase(TField value) => new(value, TField.Zero, TField.Zero, TField.Zero);

    /// <summary>Builds an element from its four coefficients, lowest power first.</summary>
    public static BinomialExtension4<TField> FromCoefficients(ReadOnlySpan<TField> coefficients)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(coefficients.Length, Degree, nameof(coefficients));
        return new(coefficients[0], coefficients[1], coefficients[2], coefficients[3]);
    }

    /// <summary>Writes the four coefficients, lowest power first.</summary>
    public void CopyCoefficientsTo(Span<TField> destination)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(destination.Length, Degree, nameof(destination));
        destination[0] = C0;
        destination[1] = C1;
        destination[2] = C2;
        destination[3] = C3;
    }

    public static BinomialExtension4<TField> operator +(BinomialExtension4<TField> left, BinomialExtension4<TField> right) =>
        new(left.C0 + right.C0, left.C1 + right.C1, left.C2 + right.C2, left.C3 + right.C3);

    public static BinomialExtension4<TField> operator -(BinomialExtension4<TField> left, BinomialExtension4<TField> right) =>
        new(left.C0 - right.C0, left.C1 - right.C1, left.C2 - right.C2, left.C3 - right.C3);

    public static BinomialExtension4<TField> operator -(BinomialExtension4<TField> value) =>
        new(-value.C0, -value.C1, -value.C2, -value.C3);

    /// <summary>Schoolbook product; the X^4.. X^6 terms fold back multiplied by W.</summary>
    public static BinomialExtension4<TField> operator *(BinomialExtension4<TField> left, BinomialExtension4<TField> right)
    {
        var w = TField.Ext4NonResidue;
        var (a0, a1, a2, a3) = (left.C0, left.C1, left.C2, left.C3);
        var (b0, b1, b2, b3) = (right.C0, right.C1, right.C2, right.C3);
        return new(
            (a0 * b0) + (w * ((a1 * b3) + (a2 * b2) + (a3 * b1))),
            (a0 * b1) + (a1 * b0) + (w * ((a2 * b3) + (a3 * b2))),
            (a0 * b2) + (a1 * b1) + (a2 * b0) + (w * (a3 * b3)),
            (a0 * b3) + (a1 * b2) + (a2 * b1) + (a3 * b0));
    }

    public static BinomialExtension4<TField> operator *(BinomialExtension4<TField> left, TField right) =>
        new(left.C0 * right, left.C1 * right, left.C2 * right, left.C3 * right);

    public static bool operator ==(BinomialExtension4<TField> left, BinomialExtension4<TField> right) => left.Equals(right);

    public static bool operator !=(BinomialExtension4<TField> left, BinomialExtension4<TField> right) => !left.Equals(right);

    public BinomialExtension4<TField> Square() => this * this;

    public BinomialExtension4<TField> Pow(ulong exponent) => FieldMath.Pow(this, exponent);

    /// <summary>
    /// Inverse by two norm steps. With a = e(Y) + X o(Y), Y = X^2 and Y^2 = W, a(X) a(-X) = e^2 - Y o^2
    /// = b(Y) lies in the quadratic subfield, and b(Y) b(-Y) = b0^2 - W b1^2 = N lies in the base field;
    /// so a^-1 = a(-X) b(-Y) / N, one base-field inversion.
    /// </summary>
    public BinomialExtension4<TField> Inverse()
    {
        var w = TField.Ext4NonResidue;
        var (a0, a1, a2, a3) = (C0, C1, C2, C3);
        var a1a3 = a1 * a3;
        var a0a2 = a0 * a2;
        var b0 = a0.Square() + (w * a2.Square()) - (w * (a1a3 + a1a3));
        var b1 = a0a2 + a0a2 - a1.Square() - (w * a3.Square());
        var norm = b0.Square() - (w * b1.Square());
        if (norm.IsZero)
        {
            throw new DivideByZeroException($"{nameof(BinomialExtension4<TField>)}<{typeof(TField).Name}>: zero has no inverse");
        }

        // b(Y)^-1 = e0 + e1 Y with e0 = b0 / N, e1 = -b1 / N.
        var normInverse = norm.Inverse();
        var e0 = b0 * normInverse;
        var e1 = -(b1 * normInverse);
        return new(
            (a0 * e0) + (w * (a2 * e1)),
            -((a1 * e0) + (w * (a3 * e1))),
            (a0 * e1) + (a2 * e0),
            -((a1 * e1) + (a3 * e0)));
    }

    public bool Equals(BinomialExtension4<TField> other) =>
        C0 == other.C0 && C1 == other.C1 && C2 == other.C2 && C3 == other.C3;

    public override bool Equals(object? obj) => obj is BinomialExtension4<TField> other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(C0, C1, C2, C3);

    public override string ToString() => $"[{C0}, {C1}, {C2}, {C3}]";
}
