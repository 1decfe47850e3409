using StarkGpu.Fields;

namespace StarkGpu.Engine.LogUp;

/// <summary>
/// The verifier's two random challenges of the LogUp argument, in the degree-4 extension of KoalaBear: an
/// interaction with bus id <c>b</c> and tuple <c>(v_0 .. v_{k-1})</c> has the fingerprint
/// <c>alpha - (b + beta v_0 + beta^2 v_1 + ... + beta^k v_{k-1})</c>.
/// </summary>
/// <remarks>
/// The bus id is the <c>beta^0</c> term, so the same tuple on two buses gets two fingerprints: distinct buses never
/// cancel each other's contributions (a tuple is a polynomial in beta whose constant term names the bus).
/// </remarks>
public readonly record struct LogUpChallenges(BinomialExtension4<KoalaBear> Alpha, BinomialExtension4<KoalaBear> Beta)
{
    /// <summary>Challenges drawn from <paramref name="random"/> (tests; a prover draws them from its transcript).</summary>
    public static LogUpChallenges Random(System.Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        return new LogUpChallenges(RandomElement(random), RandomElement(random));
    }

    private static BinomialExtension4<KoalaBear> RandomElement(System.Random random) => new(
        RandomBase(random), RandomBase(random), RandomBase(random), RandomBase(random));

    private static KoalaBear RandomBase(System.Random random) => KoalaBear.FromCanonical((uint)random.NextInt64(KoalaBear.Modulus));
}
