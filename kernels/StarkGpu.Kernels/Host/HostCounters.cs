using System.Runtime.CompilerServices;
using StarkGpu.Kernels.Counting;

namespace StarkGpu.Kernels.Host;

/// <summary>
/// <see cref="ICounters{TSelf}"/> over host memory: one set of up to two tables, for one worker at a time (the host
/// drivers give each worker its own set, so increments are plain). Same cell mapping as <see cref="DeviceCounters"/>:
/// table 0 takes value v in cell v, table 1 in cell <c>(v - Base1) &gt;&gt; Shift1</c>, a value with no cell to the table's error count.
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
    public uint Cells1;
    public uint Base1;
    public int Shift1;

    public readonly HostCounters ForWorker(long worker) => this;

    // Inlined into the row writers' tile loops: a call per increment cost as much as the rest of a row (the fused
    // AddSub pass took 6.0 ms for 2^18.7 rows as a call, 3.2 ms inlined). Errors stay out of line.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly void Increment(int table, uint cell)
    {
        // Table 0 is indexed by the value itself: the hot path (several byte lookups a row) is a compare and an add.
        if (table == 0)
        {
            if (cell < Cells0 && Table0 != null)
            {
                Table0[cell]++;
            }
            else if (Table0 != null)
            {
                Error(0);
            }

            return;
        }

        IncrementTable1(cell);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private readonly void IncrementTable1(uint cell)
    {
        if (Table1 == null)
        {
            return;
        }

        var offset = cell - Base1;
        var index = offset >> Shift1;
        if (cell < Base1 || (offset & ((1u << Shift1) - 1)) != 0 || index >= Cells1)
        {
            Error(1);
            return;
        }

        Table1[index]++;
    }

    public readonly void Error() => Error(0);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private readonly void Error(int table)
    {
        if (Errors != null)
        {
            Errors[table]++;
        }
    }
}
