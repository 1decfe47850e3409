using StarkGpu.Fields.Poseidon2;

namespace StarkGpu.Fields.Tests.Poseidon2;

/// <summary>
/// Poseidon2 over KoalaBear, width 16, against shared/reference/poseidon2-koalabear-w16.json: its parameters, its
/// Plonky3 test vector, and the independent scalar model (<see cref="Poseidon2Reference"/>) on seeded random states
/// for both internal layers.
/// </summary>
[TestFixture]
public sealed class Poseidon2KoalaBear16Tests
{
    private const int RandomStates = 300;

    private static Poseidon2Reference Reference => Poseidon2Reference.Instance;

    private static IEnumerable<TestCaseData> Vectors() =>
        Reference.TestVectors().Select(v => new TestCaseData(v.Layer, v.Input, v.Output).SetName($"TestVector_{v.Name}"));

    [Test]
    public void Parameters_MatchTheReference()
    {
        Assert.That(Reference.P, Is.EqualTo(KoalaBear.Modulus));
        Assert.That(Reference.Width, Is.EqualTo(Poseidon2KoalaBear16.Width));
        Assert.That(Reference.SboxDegree, Is.EqualTo(3));
        Assert.That(Reference.Root.GetProperty("rounds_full_initial").GetInt32(), Is.EqualTo(4));
        Assert.That(Reference.Root.GetProperty("rounds_partial").GetInt32(), Is.EqualTo(20));
        Assert.That(Reference.Root.GetProperty("rounds_full_terminal").GetInt32(), Is.EqualTo(4));

        ulong[] expected = [.. Reference.ExternalInitial.SelectMany(r => r), .. Reference.Internal, .. Reference.ExternalTerminal.SelectMany(r => r)];
        Assert.That(Poseidon2KoalaBear16.RoundConstantValues.ToArray().Select(x => (ulong)x), Is.EqualTo(expected));
        Assert.That(
            Poseidon2KoalaBear16.RoundConstantWords.ToArray(),
            Is.EqualTo(expected.Select(x => KoalaBear.FromCanonical((uint)x).Raw)));
    }

    [TestCaseSource(nameof(Vectors))]
    public void TestVector(string layer, ulong[] input, ulong[] output)
    {
        Assert.That(Reference.Permute(input, layer), Is.EqualTo(output), "the scalar model disagrees with the vector");

        var state = Elements(input);
        Poseidon2KoalaBear16.PermuteAll(state, Kind(layer));
        Assert.That(Values(state), Is.EqualTo(output));
    }

    [Test]
    public void TheFileHasAPlonky3Vector() =>
        Assert.That(Reference.TestVectors().Select(v => v.Layer), Does.Contain("plonky3"));

    [TestCase("plonky3")]
    [TestCase("sp1")]
    public void RandomStates_AgreeWithTheScalarModel(string layer)
    {
        var seed = TestContext.CurrentContext.Random.Next();
        TestContext.Out.WriteLine($"seed {seed}");
        var inputs = RandomInputs(new Random(seed), RandomStates);

        var states = Elements(inputs.SelectMany(s => s).ToArray());
        Poseidon2KoalaBear16.PermuteAll(states, Kind(layer));

        var actual = Values(states);
        for (var i = 0; i < inputs.Length; i++)
        {
            var expected = Reference.Permute(inputs[i], layer);
            Assert.That(actual.Skip(i * 16).Take(16), Is.EqualTo(expected), $"state {i} (seed {seed}): [{string.Join(", ", inputs[i])}]");
        }
    }

    [TestCase(Poseidon2InternalLayerKind.Plonky3)]
    [TestCase(Poseidon2InternalLayerKind.Sp1)]
    public void TheVectorPath_EqualsThePortableBody(Poseidon2InternalLayerKind layer)
    {
        // PermuteAll takes 16 states at a time with AVX-512 where the machine has it; the tail, and every state of
        // PermuteAllPortable, goes through the portable body the kernels run.
        var seed = TestContext.CurrentContext.Random.Next();
        TestContext.Out.WriteLine($"seed {seed} (AVX-512: {System.Runtime.Intrinsics.X86.Avx512F.IsSupported})");
        foreach (var count in new[] { 1, 15, 16, 17, 48, 100 })
        {
            var inputs = Elements(RandomInputs(new Random(seed + count), count).SelectMany(s => s).ToArray());
            var fast = (KoalaBear[])inputs.Clone();
            var portable = (KoalaBear[])inputs.Clone();
            if (layer == Poseidon2InternalLayerKind.Plonky3)
            {
                Poseidon2KoalaBear16.PermuteAll<Plonky3InternalLayer>(fast);
                Poseidon2KoalaBear16.PermuteAllPortable<Plonky3InternalLayer>(portable);
            }
            else
            {
                Poseidon2KoalaBear16.PermuteAll<Sp1InternalLayer>(fast);
                Poseidon2KoalaBear16.PermuteAllPortable<Sp1InternalLayer>(portable);
            }

            Assert.That(fast.Select(e => e.Raw), Is.EqualTo(portable.Select(e => e.Raw)), $"{count} states, seed {seed}");
        }
    }

    [Test]
    public void TheLayers_Differ()
    {
        var a = Elements(Enumerable.Range(0, 16).Select(i => (ulong)i).ToArray());
        var b = (KoalaBear[])a.Clone();
        Poseidon2KoalaBear16.Permute<Plonky3InternalLayer>(a);
        Poseidon2KoalaBear16.Permute<Sp1InternalLayer>(b);
        Assert.That(a, Is.Not.EqualTo(b));
    }

    [Test]
    public void TheEnum_AndTheTypeArgument_Agree()
    {
        var inputs = Elements(RandomInputs(new Random(12), 8).SelectMany(s => s).ToArray());
        foreach (var kind in Enum.GetValues<Poseidon2InternalLayerKind>())
        {
            var byEnum = (KoalaBear[])inputs.Clone();
            var byType = (KoalaBear[])inputs.Clone();
            Poseidon2KoalaBear16.PermuteAll(byEnum, kind);
            if (kind == Poseidon2InternalLayerKind.Plonky3)
            {
                Poseidon2KoalaBear16.PermuteAll<Plonky3InternalLayer>(byType);
            }
            else
            {
                Poseidon2KoalaBear16.PermuteAll<Sp1InternalLayer>(byType);
            }

            Assert.That(byEnum, Is.EqualTo(byType), kind.ToString());
        }
    }

    [Test]
    public void BadLengths_AreRejected()
    {
        Assert.Throws<ArgumentException>(() => Poseidon2KoalaBear16.Permute<Plonky3InternalLayer>(new KoalaBear[15]));
        Assert.Throws<ArgumentException>(() => Poseidon2KoalaBear16.Permute<Plonky3InternalLayer>(new KoalaBear[32]));
        Assert.Throws<ArgumentException>(() => Poseidon2KoalaBear16.PermuteAll<Sp1InternalLayer>(new KoalaBear[17]));
        Assert.Throws<ArgumentException>(() => Poseidon2KoalaBear16.PermuteAllPortable<Sp1InternalLayer>(new KoalaBear[17]));
        Assert.Throws<ArgumentOutOfRangeException>(() => Poseidon2KoalaBear16.PermuteAll(new KoalaBear[16], (Poseidon2InternalLayerKind)7));
        Assert.DoesNotThrow(() => Poseidon2KoalaBear16.PermuteAll<Sp1InternalLayer>([]));
    }

    /// <summary>Uniform states, plus the edge states all-zero and all p - 1 first.</summary>
    private static ulong[][] RandomInputs(Random random, int count)
    {
        var p = Reference.P;
        var inputs = new ulong[count][];
        for (var i = 0; i < count; i++)
        {
            inputs[i] = i switch
            {
                0 => new ulong[16],
                1 => Enumerable.Repeat(p - 1, 16).ToArray(),
                _ => Enumerable.Range(0, 16).Select(_ => (ulong)random.NextInt64((long)p)).ToArray(),
            };
        }

        return inputs;
    }

    private static Poseidon2InternalLayerKind Kind(string layer) => layer switch
    {
        "plonky3" => Poseidon2InternalLayerKind.Plonky3,
        "sp1" => Poseidon2InternalLayerKind.Sp1,
        _ => throw new ArgumentException($"unknown layer {layer}", nameof(layer)),
    };

    private static KoalaBear[] Elements(ulong[] values) => values.Select(v => KoalaBear.FromCanonical((uint)v)).ToArray();

    private static ulong[] Values(KoalaBear[] elements) => elements.Select(e => (ulong)e.Canonical).ToArray();
}
