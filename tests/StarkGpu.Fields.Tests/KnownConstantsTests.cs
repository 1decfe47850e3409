using StarkGpu.Fields;

namespace StarkGpu.Fields.Tests;

/// <summary>Bits that other implementations (Plonky3, SP1, the CUDA headers) must agree with, written out literally.</summary>
public sealed class KnownConstantsTests
{
    [Test]
    public void KoalaBear_MatchesPlonky3Bits()
    {
        Assert.That(KoalaBear.Modulus, Is.EqualTo(0x7f000001u));
        Assert.That(KoalaBear.One.Raw, Is.EqualTo(0x01fffffeu));
        Assert.That(KoalaBear.FromCanonical(2).Raw, Is.EqualTo(0x03fffffcu));
        Assert.That(KoalaBear.Ext4NonResidue.Canonical, Is.EqualTo(3u));
        Assert.That(KoalaBear.TwoAdicity, Is.EqualTo(24));
        Assert.That(KoalaBear.TwoAdicGenerator(24).Canonical, Is.EqualTo(0x6ac49f88u));
        Assert.That(KoalaBear.TwoAdicGenerator(1).Canonical, Is.EqualTo(0x7f000000u));
    }

    [Test]
    public void BabyBear_MatchesPlonky3Bits()
    {
        Assert.That(BabyBear.Modulus, Is.EqualTo(0x78000001u));
        Assert.That(BabyBear.One.Raw, Is.EqualTo(0x0ffffffeu));
        Assert.That(BabyBear.Ext4NonResidue.Canonical, Is.EqualTo(11u));
        Assert.That(BabyBear.TwoAdicity, Is.EqualTo(27));
        Assert.That(BabyBear.TwoAdicGenerator(27).Canonical, Is.EqualTo(0x1a427a41u));
    }

    [Test]
    public unsafe void Elements_AreOneWord_AndExtensionsFourWords()
    {
        Assert.That(sizeof(KoalaBear), Is.EqualTo(4));
        Assert.That(sizeof(BabyBear), Is.EqualTo(4));
        Assert.That(sizeof(BinomialExtension4<KoalaBear>), Is.EqualTo(16));
    }
}
