using StarkGpu.Device.Cuda;

namespace StarkGpu.Device.Tests.Cuda;

[TestFixture]
public sealed class CudaLaunchShapeTests
{
    [TestCase(0L, 132, 1u)]
    [TestCase(1L, 132, 1u)]
    [TestCase(256L, 132, 1u)]
    [TestCase(257L, 132, 2u)]
    [TestCase(1L << 30, 132, 1056u)]
    [TestCase(long.MaxValue, 132, 1056u)]
    public void BlocksOf256UpTo8PerMultiprocessor(long items, int multiprocessors, uint blocks) =>
        Assert.That(CudaAccelerator.ShapeFor(items, multiprocessors), Is.EqualTo(new LaunchShape(blocks, 256)));
}
