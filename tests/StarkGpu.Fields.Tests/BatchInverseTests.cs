using System.Numerics;
using StarkGpu.Fields;

namespace StarkGpu.Fields.Tests;

public sealed class BatchInverseTests
{
    [Test]
    public void PrimeField_MatchesFermatReference_WithZerosMappedToZero([Values(0, 1, 2, 7, 1000)] int length)
    {
        var random = new Random(41 + length);
        var input = new KoalaBear[length];
        for (var i = 0; i < length; i++)
        {
            input[i] = random.Next(4) == 0 ? KoalaBear.Zero : KoalaBear.FromCanonical((uint)random.NextInt64(KoalaBear.Modulus));
        }

        var output = new KoalaBear[length];
        BatchInverse.Invert<KoalaBear>(input, output);

        BigInteger p = KoalaBear.Modulus;
        for (var i = 0; i < length; i++)
        {
            var expected = input[i].IsZero ? BigInteger.Zero : BigInteger.ModPow(input[i].Canonical, p - 2, p);
            Assert.That((BigInteger)output[i].Canonical, Is.EqualTo(expected), $"index {i}, input {input[i]}");
        }
    }

    [Test]
    public void AllZeros_StayZero()
    {
        var input = new BabyBear[5];
        var output = new BabyBear[5];
        output.AsSpan().Fill(BabyBear.One);
        BatchInverse.Invert<BabyBear>(input, output);
        Assert.That(output, Is.All.EqualTo(BabyBear.Zero));
    }

    [Test]
    public void ExtensionField_MatchesElementwiseInverse()
    {
        var random = new Random(42);
        var input = new BinomialExtension4<BabyBear>[64];
        for (var i = 0; i < input.Length; i++)
        {
            input[i] = i % 9 == 4 ? BinomialExtension4<BabyBear>.Zero : Samples.Extension<BabyBear>(random);
        }

        var output = new BinomialExtension4<BabyBear>[input.Length];
        BatchInverse.Invert<BinomialExtension4<BabyBear>>(input, output);
        for (var i = 0; i < input.Length; i++)
        {
            Assert.That(output[i], Is.EqualTo(input[i].IsZero ? input[i] : input[i].Inverse()), $"index {i}");
        }
    }

    [Test]
    public void MismatchedLengths_Throw() =>
        Assert.Throws<ArgumentException>(() => BatchInverse.Invert<KoalaBear>(new KoalaBear[3], new KoalaBear[2]));

    [Test]
    public void OverlappingSpans_Throw()
    {
        var buffer = new KoalaBear[4];
        Assert.Throws<ArgumentException>(() => BatchInverse.Invert<KoalaBear>(buffer.AsSpan(0, 2), buffer.AsSpan(1, 2)));
    }
}
