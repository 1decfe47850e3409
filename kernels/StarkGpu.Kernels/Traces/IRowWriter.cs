using StarkGpu.Kernels.Counting;

namespace StarkGpu.Kernels.Traces;

/// <summary>
/// A chip's row logic, written once: it turns one event into one row and counts what the row sends to counted tables
/// (byte lookups, program multiplicities). The host trace, the host counting pass and the device kernel
/// (<see cref="TraceKernels"/>) all run this one method, so host and device traces agree bit for bit by construction,
/// and the equality tests prove that ILGPU compiled it as the JIT did.
/// </summary>
/// <remarks>
/// Kernel rules apply (docs/kernel-rules.md): no managed objects, no allocation, no exceptions, no static arrays,
/// no spans; only the event, the row and the counters.
/// </remarks>
public interface IRowWriter<TEvent> where TEvent : unmanaged
{
    /// <summary>Columns of a row.</summary>
    static abstract int Width { get; }

    /// <summary>
    /// Writes every cell of <paramref name="row"/> from <paramref name="e"/> (the event of row <paramref name="index"/>)
    /// and counts its lookups into <paramref name="counters"/>. Returns false when the event cannot be a row (the
    /// driver then reports the first such row, naming the chip); the row's cells are then unspecified.
    /// </summary>
    static abstract bool Write<TRow, TCounters>(in TEvent e, long index, ref TRow row, ref TCounters counters)
        where TRow : struct, ITraceRow
        where TCounters : struct, ICounters<TCounters>;
}
