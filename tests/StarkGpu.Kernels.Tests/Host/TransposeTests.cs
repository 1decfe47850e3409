using StarkGpu.Fields;
using StarkGpu.Kernels.Host;

namespace StarkGpu.Kernels.Tests.Host;

/// <summary>TransposeToColumns against the naive transpose, on odd shapes.</summary>
public unsafe class TransposeTests
{
    [TestCase(0, 5, 2, 0)]
    [TestCase(7, 0, 2, 0)]
    [TestCase(1, 1, 1, 0)]
    [TestCase(15, 3, 2, 1)]
    [TestCase(16, 16, 3, 0)]
    [TestCase(17, 7, 3, 5)]
    [TestCase(1000, 23, 1, 0)]
    [TestCase(1000, 23, 3, 9)]
    [TestCase(4099, 1, 2, 3)]
    [TestCase(65541, 5, 3, 0)]
    [TestCase(65541, 5, 2, 7)]
    [TestCase(1000, 64, 2, 0)]
    [TestCase(257, 33, 3, 11)]
    [TestCase(333, 600, 2, 4)] // a tile too big for a worker's stack
    public void MatchesNaiveTranspose(int rows, int cols, int workers, int offset)
    {
        var random = new Random(rows + cols);
        var rowMajor = new KoalaBear[rows * cols];
        for (var i = 0; i < rowMajor.Length; i++)
        {
            rowMajor[i] = KoalaBear.FromCanonical((uint)random.NextInt64(1L << 32));
        }

        var expected = Reference.Transpose(rowMajor, rows, cols);
        using var buffer = new TraceBuffer((long)rows * cols, offset);
        fixed (KoalaBear* source = rowMajor)
        {
            HostTraces.TransposeToColumns(source, rows, cols, buffer.Trace, workers);
        }

        Assert.That(Reference.FirstDifference(buffer.Words, expected), Is.EqualTo(-1));
        Assert.That(buffer.GuardsIntact(), Is.True);
    }
}
