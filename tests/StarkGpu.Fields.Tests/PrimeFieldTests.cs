using System.Numerics;
using StarkGpu.Fields;
using static StarkGpu.Fields.Tests.ModularReference;

namespace StarkGpu.Fields.Tests;

[TestFixture(typeof(KoalaBear))]
[TestFixture(typeof(BabyBear))]
public sealed class PrimeFieldTests<TField> where TField : unmanaged, IPrimeField<TField>
{
    private static readonly BigInteger P = TField.Modulus;

    private static void ForPairs(int seed, Action<TField, TField> check)
    {
        var left = Samples.PrimeElements<TField>(seed);
        var right = Samples.PrimeElements<TField>(seed + 1);
        for (var i = 0; i < left.Length; i++)
        {
            foreach (var j in new[] { i, (i + 1) % left.Length })
            {
                check(left[i], right[j]);
            }
        }
    }

    private static void AssertValue(TField actual, BigInteger expected, string what)
    {
        var reduced = Mod(expected, P);
        if (actual.Canonical != reduced || actual.Raw != MontgomeryBits<TField>(reduced))
        {
            Assert.Fail($"{typeof(TField).Name} {what}: expected {reduced} (raw 0x{MontgomeryBits<TField>(reduced):x8}), got {actual.Canonical} (raw 0x{actual.Raw:x8})");
        }
    }

    [Test]
    public void Addition_MatchesReference() =>
        ForPairs(11, (a, b) => AssertValue(a + b, ValueOf(a) + ValueOf(b), $"{a} + {b}"));

    [Test]
    public void Subtraction_MatchesReference() =>
        ForPairs(12, (a, b) => AssertValue(a - b, ValueOf(a) - ValueOf(b), $"{a} - {b}"));

    [Test]
    public void Multiplication_MatchesReference() =>
        ForPairs(13, (a, b) => AssertValue(a * b, ValueOf(a) * ValueOf(b), $"{a} * {b}"));

    [Test]
    public void NegationAndSquare_MatchReference()
    {
        foreach (var a in Samples.PrimeElements<TField>(14))
        {
            AssertValue(-a, -ValueOf(a), $"-{a}");
            AssertValue(a.Square(), ValueOf(a) * ValueOf(a), $"{a}^2");
        }
    }

    [Test]
    public void Inverse_MatchesFermatReference()
    {
        foreach (var a in Samples.PrimeElements<TField>(15, 500).Where(a => !a.IsZero))
        {
            AssertValue(a.Inverse(), BigInteger.ModPow(ValueOf(a), P - 2, P), $"1/{a}");
        }
    }

    [Test]
    public void Inverse_OfZero_Throws() =>
        Assert.Throws<DivideByZeroException>(() => TField.Zero.Inverse());

    [Test]
    public void Pow_MatchesReference()
    {
        var random = new Random(16);
        ulong[] exponents = [0, 1, 2, 3, 7, TField.Modulus - 1, TField.Modulus, ulong.MaxValue];
        var elements = Samples.PrimeElements<TField>(17, 300);
        for (var i = 0; i < elements.Length; i++)
        {
            var exponent = i < exponents.Length ? exponents[i] : (ulong)random.NextInt64() * 2 + (ulong)(i & 1);
            AssertValue(elements[i].Pow(exponent), BigInteger.ModPow(ValueOf(elements[i]), exponent, P), $"{elements[i]}^{exponent}");
        }
    }

    [Test]
    public void FromCanonical_ReducesEveryWord_AndRoundTrips()
    {
        var random = new Random(18);
        uint[] edges = [0, 1, TField.Modulus - 1, TField.Modulus, TField.Modulus + 1, uint.MaxValue];
        for (var i = 0; i < Samples.Count; i++)
        {
            var value = i < edges.Length ? edges[i] : (uint)random.NextInt64(1L << 32);
            var element = TField.FromCanonical(value);
            AssertValue(element, value, $"FromCanonical({value})");
            Assert.That(TField.FromRaw(element.Raw), Is.EqualTo(element));
        }
    }

    [Test]
    public void FromSigned_MatchesReference()
    {
        var random = new Random(19);
        long[] edges = [0, -1, 1, long.MinValue, long.MaxValue, -(long)TField.Modulus, TField.Modulus];
        for (var i = 0; i < Samples.Count; i++)
        {
            var value = i < edges.Length ? edges[i] : random.NextInt64(long.MinValue, long.MaxValue);
            AssertValue(TField.FromSigned(value), value, $"FromSigned({value})");
        }
    }

    [Test]
    public void FromRaw_RejectsBitsAtOrAboveTheModulus()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => TField.FromRaw(TField.Modulus));
        Assert.Throws<ArgumentOutOfRangeException>(() => TField.FromRaw(uint.MaxValue));
        Assert.That(TField.FromRaw(TField.Modulus - 1).Raw, Is.EqualTo(TField.Modulus - 1));
    }

    [Test]
    public void Identities_HaveTheExpectedMontgomeryBits()
    {
        Assert.That(TField.Zero.Raw, Is.Zero);
        Assert.That(TField.One.Raw, Is.EqualTo(MontgomeryBits<TField>(1)));
        Assert.That(TField.AdditiveIdentity, Is.EqualTo(TField.Zero));
        Assert.That(TField.MultiplicativeIdentity, Is.EqualTo(TField.One));
        Assert.That(TField.One.Canonical, Is.EqualTo(1u));
    }

    [Test]
    public void EqualityOperators_FollowTheValue()
    {
        var a = TField.FromCanonical(5);
        var b = TField.FromCanonical(5 + TField.Modulus);
        Assert.That(a == b, Is.True);
        Assert.That(a != b, Is.False);
        Assert.That(a.GetHashCode(), Is.EqualTo(b.GetHashCode()));
        Assert.That(a == TField.One, Is.False);
        Assert.That(a.Equals((object)b), Is.True);
    }

    [Test]
    public void TwoAdicity_IsTheExactPowerOfTwoInPMinusOne()
    {
        var order = P - 1;
        Assert.That((order >> TField.TwoAdicity) << TField.TwoAdicity, Is.EqualTo(order));
        Assert.That((order >> TField.TwoAdicity).IsEven, Is.False);
    }

    [Test]
    public void TwoAdicGenerator_HasExactOrder([Range(0, 27)] int logN)
    {
        if (logN > TField.TwoAdicity)
        {
            Assert.Throws<ArgumentOutOfRangeException>(() => TField.TwoAdicGenerator(logN));
            return;
        }

        var root = ValueOf(TField.TwoAdicGenerator(logN));
        Assert.That(BigInteger.ModPow(root, BigInteger.One << logN, P), Is.EqualTo(BigInteger.One));
        if (logN > 0)
        {
            Assert.That(BigInteger.ModPow(root, BigInteger.One << (logN - 1), P), Is.EqualTo(P - 1));
        }
    }

    [Test]
    public void Ext4NonResidue_IsNotASquare()
    {
        // X^4 - W is irreducible over F_p, p = 1 mod 4, exactly when W is not a square (Euler's criterion).
        Assert.That(P % 4, Is.EqualTo(BigInteger.One));
        Assert.That(BigInteger.ModPow(ValueOf(TField.Ext4NonResidue), (P - 1) / 2, P), Is.EqualTo(P - 1));
    }

    [Test]
    public void GenericMath_WorksThroughTheBclInterfaces() =>
        Assert.That(SumOfSquares(Samples.PrimeElements<TField>(20, 10)),
            Is.EqualTo(Samples.PrimeElements<TField>(20, 10).Aggregate(TField.Zero, (s, x) => s + (x * x))));

    private static T SumOfSquares<T>(IEnumerable<T> values)
        where T : IAdditionOperators<T, T, T>, IMultiplyOperators<T, T, T>, IAdditiveIdentity<T, T>
    {
        var sum = T.AdditiveIdentity;
        foreach (var v in values)
        {
            sum += v * v;
        }

        return sum;
    }
}
