using ILGPU;
using StarkGpu.Kernels.Counting;

namespace StarkGpu.Rv32im.Tests.Chips.RowWriters;

/// <summary>
/// Kernel counters for these tests: table 0 cell by cell with atomics, every other table and any cell past the
/// table an error. Not <see cref="DeviceCounters"/>: its bool field makes it a non-blittable kernel parameter,
/// which ILGPU 1.5.3 refuses.
/// </summary>
public struct AtomicByteCounters : ICounters<AtomicByteCounters>
{
    public ArrayView<uint> Counts;
    public ArrayView<uint> Errors;

    public readonly AtomicByteCounters ForWorker(long worker) => this;

    public readonly void Increment(int table, uint cell)
    {
        if (table == 0 && cell < Counts.Length)
        {
            Atomic.Add(ref Counts[(long)cell], 1u);
        }
        else
        {
            Error();
        }
    }

    public readonly void Error() => Atomic.Add(ref Errors[0L], 1u);
}
