using System.Runtime.Intrinsics;

namespace StarkGpu.Kernels.Host;

/// <summary>
/// Several sets of the same <see cref="HostCounters"/> tables, one per worker of a fused trace-and-count pass
/// (<see cref="HostTraces"/>): each worker increments its own set plainly, and <see cref="SumInto"/> adds them up
/// afterwards (vectorized). The sets come from pooled memory, zeroed.
/// </summary>
public sealed unsafe class HostCounterSets : IDisposable
{
    private readonly HostCounters _layout;
    private readonly HostBlock _block;
    private readonly uint* _table0;
    private readonly uint* _table1;
    private readonly uint* _errors;

    /// <summary>
    /// <paramref name="sets"/> sets of the tables <paramref name="layout"/> describes (its cell counts, bases and
    /// shifts; its pointers are ignored, and a table of no cells is not counted).
    /// </summary>
    public HostCounterSets(int sets, in HostCounters layout)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sets);
        Sets = sets;
        _layout = layout;
        var cells0 = (long)layout.Cells0 * sets;
        var cells1 = (long)layout.Cells1 * sets;
        var words = Align(cells0) + Align(cells1) + Align(2L * sets);
        _block = HostBlocks.Rent(words * sizeof(uint));
        var words0 = (uint*)_block.Pointer;
        System.Runtime.InteropServices.NativeMemory.Clear(words0, (nuint)(words * sizeof(uint))); // pooled memory: zero it (and warm it)
        _table0 = layout.Cells0 != 0 ? words0 : null;
        _table1 = layout.Cells1 != 0 ? words0 + Align(cells0) : null;
        _errors = words0 + Align(cells0) + Align(cells1);
    }

    /// <summary>Number of sets.</summary>
    public int Sets { get; }

    /// <summary>The counters of set <paramref name="set"/> (its own tables and error counts).</summary>
    public HostCounters this[int set]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(set);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(set, Sets);
            var counters = _layout;
            counters.Table0 = _table0 != null ? _table0 + ((long)set * _layout.Cells0) : null;
            counters.Table1 = _table1 != null ? _table1 + ((long)set * _layout.Cells1) : null;
            counters.Errors = _errors + (2L * set);
            return counters;
        }
    }

    /// <summary>Every set, for <see cref="HostTraces"/>' <c>perWorker</c> (set w for worker w).</summary>
    public HostCounters[] PerWorker()
    {
        var all = new HostCounters[Sets];
        for (var s = 0; s < Sets; s++)
        {
            all[s] = this[s];
        }

        return all;
    }

    /// <summary>The errors all sets counted for table <paramref name="table"/> (0 or 1).</summary>
    public ulong Errors(int table)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(table);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(table, 1);
        var total = 0ul;
        for (var s = 0; s < Sets; s++)
        {
            total += _errors[(2 * s) + table];
        }

        return total;
    }

    /// <summary>Adds every set's table <paramref name="table"/> (0 or 1) to <paramref name="destination"/> (its cells, at least).</summary>
    public void SumInto(int table, Span<uint> destination)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(table);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(table, 1);
        var cells = table == 0 ? _layout.Cells0 : _layout.Cells1;
        var sets = table == 0 ? _table0 : _table1;
        if (sets == null)
        {
            return;
        }

        ArgumentOutOfRangeException.ThrowIfLessThan((uint)destination.Length, cells, nameof(destination));
        fixed (uint* into = destination)
        {
            Sum(sets, cells, into);
        }
    }

    public void Dispose() => _block.Dispose();

    // into[i] += sets[s * cells + i] for every set, a vector of cells at a time across all sets.
    private void Sum(uint* sets, uint cells, uint* into)
    {
        var i = 0L;
        if (Vector512.IsHardwareAccelerated)
        {
            for (; i + Vector512<uint>.Count <= cells; i += Vector512<uint>.Count)
            {
                var total = Vector512.Load(into + i);
                for (var s = 0; s < Sets; s++)
                {
                    total += Vector512.Load(sets + ((long)s * cells) + i);
                }

                total.Store(into + i);
            }
        }

        for (; i + Vector256<uint>.Count <= cells; i += Vector256<uint>.Count)
        {
            var total = Vector256.Load(into + i);
            for (var s = 0; s < Sets; s++)
            {
                total += Vector256.Load(sets + ((long)s * cells) + i);
            }

            total.Store(into + i);
        }

        for (; i < cells; i++)
        {
            var total = into[i];
            for (var s = 0; s < Sets; s++)
            {
                total += sets[((long)s * cells) + i];
            }

            into[i] = total;
        }
    }

    private static long Align(long words) => (words + 15) & ~15L;
}
