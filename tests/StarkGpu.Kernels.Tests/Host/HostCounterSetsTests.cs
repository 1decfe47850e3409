using StarkGpu.Kernels.Host;

namespace StarkGpu.Kernels.Tests.Host;

/// <summary>Counter sets come zeroed from the pool, keep apart, and sum into a table (vector and scalar tails alike).</summary>
public unsafe class HostCounterSetsTests
{
    [TestCase(1, 300u, 0u)]
    [TestCase(3, 300u, 17u)]
    [TestCase(5, 65536u, 1u)]
    public void SetsSumIntoTheTable(int count, uint cells0, uint cells1)
    {
        var layout = new HostCounters { Cells0 = cells0, Cells1 = cells1 };
        using (var dirty = new HostCounterSets(count, layout))
        {
            for (var s = 0; s < count; s++)
            {
                dirty[s].Increment(0, 0);
                dirty[s].Error();
            }
        }

        using var sets = new HostCounterSets(count, layout);
        var expected0 = new uint[cells0];
        var expected1 = new uint[cells1];
        for (var s = 0; s < count; s++)
        {
            var counters = sets[s];
            for (var c = 0u; c < cells0; c += (uint)(s + 1))
            {
                counters.Increment(0, c);
                expected0[c]++;
            }

            for (var c = 0u; c < cells1; c++)
            {
                counters.Increment(1, c);
                expected1[c]++;
            }

            counters.Increment(0, cells0 + 3); // outside: an error
        }

        var actual0 = Enumerable.Repeat(7u, (int)cells0).ToArray();
        sets.SumInto(0, actual0);
        Assert.That(actual0, Is.EqualTo(expected0.Select(v => v + 7u).ToArray()), "sums add to the table");
        var actual1 = new uint[cells1];
        sets.SumInto(1, actual1);
        Assert.That(actual1, Is.EqualTo(expected1));
        Assert.That(sets.Errors(0), Is.EqualTo((ulong)count));
        Assert.That(sets.Errors(1), Is.Zero);
    }

    [Test]
    public void PooledBlocksAreAlignedAndReused()
    {
        void* first;
        using (var block = HostBlocks.Rent(1000))
        {
            first = block.Pointer;
            Assert.That((ulong)first % 64, Is.EqualTo(0ul));
        }

        using var again = HostBlocks.Rent(1024);
        Assert.That((nuint)again.Pointer, Is.EqualTo((nuint)first));
    }
}
