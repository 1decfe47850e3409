using StarkGpu.Kernels.Counting;

namespace StarkGpu.Kernels.Host;

/// <summary>
/// <see cref="ICounters{TSelf}"/> over host memory: one set of up to two tables, for one worker at a time (the host
/// drivers give each worker its own set, so increments are plain). Same cell mapping as <see cref="DeviceCounters"/>:
/// a value v goes to cell <c>(v - Base) &gt;&gt; Shift</c>, a value with no cell to the table's error count.
/// </summary>
public unsafe struct HostCounters : ICounters<HostCounters>
{
    /// <summary>Table 0's counters, or null when table 0 is not counted.</summary>
    public uint* Table0;

    /// <summary>Table 1's counters, or null when table 1 is not counted.</summary>
    public uint* Table1;

    /// <summary>Two error counts, one per table (may be null: errors are then not counted).</summary>
    public uint* Errors;

    public uint Cells0;
    public uint Base0;
    public int Shift0;
    public uint Cells1;
    public uint Base1;
    public int Shift1;

    public readonly HostCounters ForWorker(long worker) => this;

    public readonly void Increment(int table, uint cell)
    {
        var counters = table == 0 ? Table0 : Table1;
        if (counters == null)
        {
            return;
        }

        var first = table == 0 ? Base0 : Base1;
        var shift = table == 0 ? Shift0 : Shift1;
        var offset = cell - first;
        var index = offset >> shift;
        if (cell < first || (offset & ((1u << shift) - 1)) != 0 || index >= (table == 0 ? Cells0 : Cells1))
        {
            Error(table);
            return;
        }

        counters[index]++;
    }

    public readonly void Error() => Error(0);

    private readonly void Error(int table)
    {
        if (Errors != null)
        {
            Errors[table]++;
        }
    }
}
