using System.Numerics;
using StarkGpu.Fields;
using static StarkGpu.Fields.Tests.ModularReference;

namespace StarkGpu.Fields.Tests;

[TestFixture(typeof(KoalaBear))]
[TestFixture(typeof(BabyBear))]
public sealed class BinomialExtension4Tests<TField> where TField : unmanaged, IPrimeField<TField>
{
    private const int Trials = 300;
    private static readonly BigInteger P = TField.Modulus;
    private static readonly BigInteger W = TField.Ext4NonResidue.Canonical;

    private static void AssertEqual(BinomialExtension4<TField> actual, BigInteger[] expected, string what)
    {
        var coefficients = CoefficientsOf(actual);
        if (!coefficients.SequenceEqual(expected))
        {
            Assert.Fail($"{what}: expected [{string.Join(", ", expected)}], got {actual}");
        }
    }

    [Test]
    public void Multiplication_MatchesPolynomialReference()
    {
        var random = new Random(31);
        for (var i = 0; i < Trials; i++)
        {
            var a = Samples.Extension<TField>(random);
            var b = Samples.Extension<TField>(random);
            AssertEqual(a * b, Ext4Multiply(CoefficientsOf(a), CoefficientsOf(b), W, P), $"{a} * {b}");
            AssertEqual(a.Square(), Ext4Multiply(CoefficientsOf(a), CoefficientsOf(a), W, P), $"{a}^2");
        }
    }

    [Test]
    public void X_ToTheFourth_IsW()
    {
        var x = BinomialExtension4<TField>.X;
        Assert.That(x * x * x * x, Is.EqualTo(BinomialExtension4<TField>.FromBase(TField.Ext4NonResidue)));
    }

    [Test]
    public void Laws_AssociativityCommutativityDistributivity()
    {
        var random = new Random(32);
        for (var i = 0; i < Trials; i++)
        {
            var (a, b, c) = (Samples.Extension<TField>(random), Samples.Extension<TField>(random), Samples.Extension<TField>(random));
            Assert.That((a * b) * c, Is.EqualTo(a * (b * c)));
            Assert.That(a * b, Is.EqualTo(b * a));
            Assert.That(a * (b + c), Is.EqualTo((a * b) + (a * c)));
            Assert.That((a + b) - b, Is.EqualTo(a));
            Assert.That(a + (-a), Is.EqualTo(BinomialExtension4<TField>.Zero));
            Assert.That(a * BinomialExtension4<TField>.One, Is.EqualTo(a));
        }
    }

    [Test]
    public void Inverse_TimesValue_IsOne_AndMatchesFrobeniusPowerReference()
    {
        var random = new Random(33);
        var groupOrderMinusOne = BigInteger.Pow(P, 4) - 2;
        for (var i = 0; i < 50; i++)
        {
            var a = Samples.Extension<TField>(random);
            var inverse = a.Inverse();
            Assert.That(a * inverse, Is.EqualTo(BinomialExtension4<TField>.One));
            AssertEqual(inverse, Ext4Pow(CoefficientsOf(a), groupOrderMinusOne, W, P), $"1/{a}");
        }
    }

    [Test]
    public void Inverse_OfSparseElements()
    {
        var one = TField.One;
        var zero = TField.Zero;
        BinomialExtension4<TField>[] sparse =
        [
            BinomialExtension4<TField>.One, BinomialExtension4<TField>.X, new(zero, zero, one, zero), new(zero, zero, zero, one),
            new(one, zero, one, zero), new(zero, one, zero, -one),
        ];
        foreach (var a in sparse)
        {
            Assert.That(a * a.Inverse(), Is.EqualTo(BinomialExtension4<TField>.One), $"{a}");
        }
    }

    [Test]
    public void Inverse_OfZero_Throws() =>
        Assert.Throws<DivideByZeroException>(() => BinomialExtension4<TField>.Zero.Inverse());

    [Test]
    public void Pow_MatchesReference()
    {
        var random = new Random(34);
        for (var i = 0; i < 50; i++)
        {
            var a = Samples.Extension<TField>(random);
            var exponent = (ulong)random.NextInt64();
            AssertEqual(a.Pow(exponent), Ext4Pow(CoefficientsOf(a), exponent, W, P), $"{a}^{exponent}");
        }
    }

    [Test]
    public void BaseField_EmbedsAsConstantCoefficient()
    {
        var random = new Random(35);
        var a = Samples.Extension<TField>(random);
        var s = TField.FromCanonical(123456789);
        Assert.That(a * s, Is.EqualTo(a * BinomialExtension4<TField>.FromBase(s)));
        Assert.That(BinomialExtension4<TField>.FromBase(s)[0], Is.EqualTo(s));
        Span<TField> coefficients = stackalloc TField[4];
        a.CopyCoefficientsTo(coefficients);
        Assert.That(BinomialExtension4<TField>.FromCoefficients(coefficients), Is.EqualTo(a));
        Assert.That(a[3], Is.EqualTo(a.C3));
        Assert.Throws<ArgumentOutOfRangeException>(() => _ = a[4]);
    }
}
