using System.Runtime.Intrinsics;
using StarkGpu.Fields;
using StarkGpu.Kernels.Host;

namespace StarkGpu.Kernels.Tests.Host;

/// <summary>Every conversion path gives KoalaBear.FromCanonical's bits, edge values included.</summary>
public unsafe class MontgomeryLinesTests
{
    private static uint[] Values()
    {
        var values = new List<uint>
        {
            0, 1, 2, 255, 256, 0x7f000000, 0x7f000001, 0x7f000002, 0x7effffff, 0x80000000, 0xfe000001, 0xfe000002,
            0xfffffffe, 0xffffffff, 0x17f7efe4, 0x01fffffe, 0x81000001,
        };
        var random = new Random(1);
        while (values.Count % 16 != 0 || values.Count < 4096)
        {
            values.Add((uint)random.NextInt64(1L << 32));
        }

        return [.. values];
    }

    [Test]
    public void ReportsTheHardware()
    {
        TestContext.Out.WriteLine($"Vector512.IsHardwareAccelerated={Vector512.IsHardwareAccelerated} Avx512F={MontgomeryLines.Has512} Avx2={MontgomeryLines.Has256}");
        Assert.Pass();
    }

    [Test]
    public void Vector512MatchesScalar()
    {
        if (!MontgomeryLines.Has512)
        {
            Assert.Ignore("no AVX-512 here");
        }

        var values = Values();
        for (var i = 0; i < values.Length; i += 16)
        {
            var line = MontgomeryLines.FromCanonical(Vector512.Create(values.AsSpan(i, 16)));
            for (var k = 0; k < 16; k++)
            {
                Assert.That(line[k], Is.EqualTo(KoalaBear.FromCanonical(values[i + k]).Raw), () => $"value 0x{values[i + k]:x8}");
            }
        }
    }

    [Test]
    public void Vector256MatchesScalar()
    {
        if (!MontgomeryLines.Has256)
        {
            Assert.Ignore("no AVX2 here");
        }

        var values = Values();
        for (var i = 0; i < values.Length; i += 8)
        {
            var line = MontgomeryLines.FromCanonical(Vector256.Create(values.AsSpan(i, 8)));
            for (var k = 0; k < 8; k++)
            {
                Assert.That(line[k], Is.EqualTo(KoalaBear.FromCanonical(values[i + k]).Raw), () => $"value 0x{values[i + k]:x8}");
            }
        }
    }

    [Test]
    public void ConvertLineAndScalarMatchFromCanonical()
    {
        var values = Values();
        var line = new uint[values.Length];
        var scalar = new uint[values.Length];
        fixed (uint* source = values)
        fixed (uint* toLine = line)
        fixed (uint* toScalar = scalar)
        {
            for (var i = 0; i < values.Length; i += 16)
            {
                MontgomeryLines.ConvertLine(source + i + 0, toLine + i);
            }

            MontgomeryLines.ConvertScalar(source, toScalar, values.Length);
        }

        var expected = values.Select(v => KoalaBear.FromCanonical(v).Raw).ToArray();
        Assert.That(line, Is.EqualTo(expected));
        Assert.That(scalar, Is.EqualTo(expected));
    }
}
