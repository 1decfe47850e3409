using StarkGpu.Device.Cpu;

namespace StarkGpu.Device.Tests.Core;

/// <summary>The pool reuses freed large blocks, never for a much smaller request, and never past its limits.</summary>
[TestFixture]
public sealed class DeviceMemoryPoolTests
{
    private const long MiB = 1L << 20;
    private CpuAccelerator _accelerator = null!;

    [OneTimeSetUp]
    public void OpenAccelerator() => _accelerator = Accelerators.Cpu();

    [OneTimeTearDown]
    public void CloseAccelerator() => _accelerator.Dispose();

    [Test]
    public void AFreedBlockServesTheNextRequestOfAboutItsSize()
    {
        using var pool = new DeviceMemoryPool(_accelerator.Device, 64 * MiB);
        var first = pool.Allocate(10 * MiB);
        pool.Free(first);
        Assert.That(pool.RetainedBytes, Is.EqualTo(10 * MiB));

        var second = pool.Allocate((9 * MiB) + 12345);
        Assert.That(second, Is.SameAs(first));
        Assert.That(pool.RetainedBytes, Is.Zero);
        pool.Free(second);
    }

    [Test]
    public void AMuchSmallerRequestGetsItsOwnBlock()
    {
        using var pool = new DeviceMemoryPool(_accelerator.Device, 64 * MiB);
        var large = pool.Allocate(16 * MiB);
        pool.Free(large);
        var small = pool.Allocate(4 * MiB);
        Assert.That(small, Is.Not.SameAs(large));
        Assert.That(pool.RetainedBytes, Is.EqualTo(16 * MiB));
        pool.Free(small);
    }

    [TestCase(64L << 10)]
    [TestCase((64L << 10) + 1)]
    [TestCase(1_572_864L)]
    [TestCase(2_568_480L)]
    [TestCase(276_824_064L)]
    [TestCase((1L << 30) - 1)]
    public void ASizeClassHoldsItsRequestAndWastesUnderAnEighth(long bytes)
    {
        var size = DeviceMemoryPool.SizeClass(bytes);
        Assert.That(size, Is.GreaterThanOrEqualTo(bytes));
        Assert.That(size - bytes, Is.LessThan(Math.Max(bytes / 8, DeviceMemoryPool.MinPooledBytes)));
        Assert.That(size % DeviceMemoryPool.MinPooledBytes, Is.Zero);
    }

    [Test]
    public void RepeatingAShardsRequestsTakesNoNewBlocksFromTheDevice()
    {
        // Sizes of one shard's buffers in a real run (sha256_long); the next shard asks for slightly different sizes,
        // some across a class boundary. Tracing the two shards again must find every block in the pool.
        long[] shard = [1_835_008, 30_101_544, 8_361_540, 15_141_120, 5_047_040, 1_572_864, 25_165_824, 2_709_660, 2_568_480, 2_765_040, 113_246_208];
        using var pool = new DeviceMemoryPool(_accelerator.Device, 1L << 30);
        for (var round = 0; round < 4; round++)
        {
            var before = pool.BlocksFromSystem;
            var blocks = shard.Select(bytes => pool.Allocate(bytes + (round % 2 * 4096))).ToList();
            blocks.ForEach(pool.Free);
            if (round >= 2)
            {
                Assert.That(pool.BlocksFromSystem, Is.EqualTo(before), $"round {round} took new blocks");
            }
        }
    }

    [Test]
    public void RetainsNoMoreThanItsLimitAndTrimsToZero()
    {
        using var pool = new DeviceMemoryPool(_accelerator.Device, 8 * MiB);
        var a = pool.Allocate(6 * MiB);
        var b = pool.Allocate(6 * MiB);
        pool.Free(a);
        pool.Free(b);
        Assert.That(pool.RetainedBytes, Is.LessThanOrEqualTo(8 * MiB).And.Positive);
        pool.Trim();
        Assert.That(pool.RetainedBytes, Is.Zero);
    }

    [Test]
    public void StreamBuffersReuseBlocksShardAfterShard()
    {
        using var accelerator = Accelerators.Cpu(new CpuAcceleratorOptions { MemoryLimitBytes = 256 * MiB });
        var stream = accelerator.DefaultStream;
        for (var round = 0; round < 3; round++)
        {
            stream.Allocate<uint>((3 * MiB) - (round * 1000)).Dispose(); // one size class
        }

        Assert.That(accelerator.Pool.BlocksFromSystem, Is.EqualTo(1));
        Assert.That(accelerator.Ledger.LiveBytes, Is.Zero);
    }

    [Test]
    public void TheAcceleratorGivesPooledBlocksBackBeforeReportingOutOfMemory()
    {
        using var accelerator = new CpuAccelerator(new CpuAcceleratorOptions { MemoryLimitBytes = 64 * MiB });
        var stream = accelerator.DefaultStream;
        stream.Allocate<byte>(40 * MiB).Dispose(); // now retained by the pool
        using var next = stream.Allocate<byte>(60 * MiB); // fits the limit only once the pool is trimmed
        Assert.That(accelerator.Ledger.LiveBytes, Is.EqualTo(60 * MiB));
        Assert.Throws<DeviceOutOfMemoryException>(() => stream.Allocate<byte>(8 * MiB));
        Assert.That(accelerator.Ledger.LiveBytes, Is.EqualTo(60 * MiB));
    }
}
