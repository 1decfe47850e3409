using ILGPU;

namespace StarkGpu.Kernels.Counting;

/// <summary>
/// <see cref="ICounters{TSelf}"/> in device memory. Each table holds <see cref="Sets"/> consecutive sets of counters;
/// a worker adds into set <c>worker % Sets</c>, and the sets are summed afterwards. On the CPU accelerator there is a set
/// per worker and a worker is an OS thread, so increments are plain (<see cref="Exclusive"/>): contended atomics on the
/// hot counters (zero bytes) would cost more than the traces. On a GPU there is one set and increments are atomic.
/// Table 0 maps a value v to cell v, table 1 to cell <c>(v - Base1) &gt;&gt; Shift1</c>; a value below the base, off the alignment or past the
/// last cell adds to the table's error count instead.
/// </summary>
public struct DeviceCounters : ICounters<DeviceCounters>
{
    /// <summary>Table 0's sets (Sets x Cells0 counters); empty when table 0 is not counted.</summary>
    public ArrayView<uint> Table0;

    /// <summary>Table 1's sets (Sets x Cells1 counters); empty when table 1 is not counted.</summary>
    public ArrayView<uint> Table1;

    /// <summary>Two error counts, one per table.</summary>
    public ArrayView<uint> Errors;

    public uint Cells0;
    public uint Cells1;
    public uint Base1;
    public int Shift1;

    /// <summary>Sets per table.</summary>
    public int Sets;

    // An int, not a bool: ILGPU refuses kernel parameters that are not blittable, and bool is not.
    private int _exclusive;

    /// <summary>The set this copy adds into (<see cref="ForWorker"/>).</summary>
    public int Set;

    /// <summary>Whether each set has a single writer (the CPU accelerator), so increments need no atomics.</summary>
    public bool Exclusive
    {
        readonly get => _exclusive != 0;
        set => _exclusive = value ? 1 : 0;
    }

    public readonly DeviceCounters ForWorker(long worker)
    {
        var bound = this;
        bound.Set = Sets > 1 ? (int)(worker % Sets) : 0;
        return bound;
    }

    public readonly void Increment(int table, uint cell)
    {
        var cells = table == 0 ? Cells0 : Cells1;
        if (cells == 0)
        {
            return; // the table is not counted in this launch
        }

        // Table 0 is indexed by the value itself; table 1 by (value - Base1) >> Shift1.
        var first = table == 0 ? 0u : Base1;
        var shift = table == 0 ? 0 : Shift1;
        var offset = cell - first;
        var index = offset >> shift;
        if (cell < first || (offset & ((1u << shift) - 1)) != 0 || index >= cells)
        {
            Error(table);
            return;
        }

        var view = table == 0 ? Table0 : Table1;
        var at = ((long)Set * cells) + index;
        if (Exclusive)
        {
            view[at] += 1;
        }
        else
        {
            Atomic.Add(ref view[at], 1u);
        }
    }

    public readonly void Error() => Error(0);

    private readonly void Error(int table)
    {
        if (Errors.Length > table)
        {
            Atomic.Add(ref Errors[table], 1u);
        }
    }
}
