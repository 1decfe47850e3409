using StarkGpu.Device.Cpu;

namespace StarkGpu.Device.Tests.Cpu;

/// <summary>The CPU backend reuses freed large blocks, never for a much smaller request, and never past its limits.</summary>
public sealed unsafe class CpuMemoryPoolTests
{
    private const long MiB = 1L << 20;

    [Test]
    public void AFreedBlockServesTheNextRequestOfAboutItsSize()
    {
        using var pool = new CpuMemoryPool(64 * MiB);
        var first = pool.Allocate(10 * MiB);
        pool.Free(first);
        Assert.That(pool.RetainedBytes, Is.EqualTo(10 * MiB));

        var second = pool.Allocate((9 * MiB) + 12345);
        Assert.That((nint)second, Is.EqualTo((nint)first));
        Assert.That(pool.RetainedBytes, Is.Zero);
        pool.Free(second);
    }

    [Test]
    public void AMuchSmallerRequestGetsItsOwnBlock()
    {
        using var pool = new CpuMemoryPool(64 * MiB);
        var large = pool.Allocate(16 * MiB);
        pool.Free(large);
        var small = pool.Allocate(4 * MiB);
        Assert.That((nint)small, Is.Not.EqualTo((nint)large));
        Assert.That(pool.RetainedBytes, Is.EqualTo(16 * MiB));
        pool.Free(small);
    }

    [Test]
    public void RetainsNoMoreThanItsLimitAndTrimsToZero()
    {
        using var pool = new CpuMemoryPool(8 * MiB);
        var a = pool.Allocate(6 * MiB);
        var b = pool.Allocate(6 * MiB);
        pool.Free(a);
        pool.Free(b);
        Assert.That(pool.RetainedBytes, Is.LessThanOrEqualTo(8 * MiB).And.Positive);
        pool.Trim();
        Assert.That(pool.RetainedBytes, Is.Zero);
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
    }
}
