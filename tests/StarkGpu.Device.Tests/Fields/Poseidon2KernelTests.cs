using StarkGpu.Device.Cpu;
using StarkGpu.Device.FieldOps;
using StarkGpu.Fields;
using StarkGpu.Fields.Poseidon2;

namespace StarkGpu.Device.Tests.Fields;

/// <summary>
/// The Poseidon2 kernel on the cpu backend equals the host permutation bit for bit on seeded random states, for both
/// internal layers and with one or all threads; its launcher refuses what the kernel would get wrong.
/// </summary>
[TestFixture]
public sealed class Poseidon2KernelTests
{
    private CpuAccelerator _accelerator = null!;

    [OneTimeSetUp]
    public void OpenAccelerator() => _accelerator = Accelerators.Cpu();

    [OneTimeTearDown]
    public void CloseAccelerator() => _accelerator.Dispose();

    [TestCase(Poseidon2InternalLayerKind.Plonky3, 1)]
    [TestCase(Poseidon2InternalLayerKind.Sp1, 1)]
    [TestCase(Poseidon2InternalLayerKind.Plonky3, 0)]
    [TestCase(Poseidon2InternalLayerKind.Sp1, 0)]
    public void Kernel_EqualsTheHost(Poseidon2InternalLayerKind layer, int threads)
    {
        var seed = TestContext.CurrentContext.Random.Next();
        TestContext.Out.WriteLine($"seed {seed}");
        using var accelerator = Accelerators.Cpu(new CpuAcceleratorOptions { Threads = threads });
        foreach (var states in new[] { 1, 2, 3, 257 })
        {
            var input = RandomStates(new Random(seed + states), states);
            var expected = (KoalaBear[])input.Clone();
            Poseidon2KoalaBear16.PermuteAll(expected, layer);

            var stream = accelerator.DefaultStream;
            using var poseidon2 = new DevicePoseidon2(stream);
            using var buffer = stream.Upload<KoalaBear>(input);
            poseidon2.Permute(stream, buffer, buffer, layer);
            Assert.That(buffer.ToArray(), Is.EqualTo(expected), $"{states} states, {layer}, seed {seed}");
        }

        Assert.That(accelerator.Ledger.LiveBytes, Is.Zero);
    }

    [Test]
    public void TheTypeArgument_AndTheEnum_RunTheSameKernel()
    {
        var stream = _accelerator.DefaultStream;
        var input = RandomStates(new Random(5), 9);
        using var poseidon2 = new DevicePoseidon2(stream);
        using var a = stream.Upload<KoalaBear>(input);
        using var b = stream.Upload<KoalaBear>(input);
        poseidon2.Permute<Sp1InternalLayer>(stream, a, a);
        poseidon2.Permute(stream, b, b, Poseidon2InternalLayerKind.Sp1);
        Assert.That(a.ToArray(), Is.EqualTo(b.ToArray()));
    }

    [Test]
    public void BadBuffers_AreRejected()
    {
        var stream = _accelerator.DefaultStream;
        using var poseidon2 = new DevicePoseidon2(stream);
        using var partial = stream.Allocate<KoalaBear>(17);
        using var one = stream.Allocate<KoalaBear>(16);
        using var two = stream.Allocate<KoalaBear>(32);
        using var empty = stream.Allocate<KoalaBear>(0);
        Assert.Throws<ArgumentException>(() => poseidon2.Permute<Plonky3InternalLayer>(stream, partial, partial));
        Assert.Throws<ArgumentException>(() => poseidon2.Permute<Plonky3InternalLayer>(stream, one, two));
        Assert.Throws<ArgumentOutOfRangeException>(() => poseidon2.Permute(stream, one, one, (Poseidon2InternalLayerKind)9));
        Assert.DoesNotThrow(() => poseidon2.Permute<Sp1InternalLayer>(stream, empty, empty));

        using var other = Accelerators.Cpu();
        using var elsewhere = other.DefaultStream.Allocate<KoalaBear>(16);
        Assert.Throws<ArgumentException>(() => poseidon2.Permute<Plonky3InternalLayer>(other.DefaultStream, elsewhere, elsewhere));
    }

    private static KoalaBear[] RandomStates(Random random, int states)
    {
        var values = new KoalaBear[states * Poseidon2KoalaBear16.Width];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = KoalaBear.FromCanonical((uint)random.NextInt64(KoalaBear.Modulus));
        }

        return values;
    }
}
