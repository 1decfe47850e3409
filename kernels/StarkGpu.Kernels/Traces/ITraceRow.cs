using StarkGpu.Fields;

namespace StarkGpu.Kernels.Traces;

/// <summary>
/// One row of a trace being written, cells addressed by column. A row writer (<see cref="IRowWriter{TEvent}"/>) is
/// generic over it, so the same code fills a column-major device trace in a kernel (<see cref="ColumnTraceRow"/>),
/// a host tile of canonical values that the host driver converts with vector instructions, a row-major host row, or
/// nothing at all (<see cref="DiscardedRow"/>: counting a row's lookups without storing it). Writers set every cell
/// of their row, zeros included: a device trace's memory is not cleared first.
/// </summary>
public interface ITraceRow
{
    /// <summary>Cell <paramref name="column"/> is the field element of <paramref name="value"/> (any 32-bit value, reduced mod p).</summary>
    void SetCanonical(int column, uint value);

    /// <summary>Cell <paramref name="column"/> is <paramref name="value"/>, at most 256 (a byte, a bit, a carry): cheaper where it matters.</summary>
    void SetByte(int column, uint value);

    /// <summary>Cell <paramref name="column"/> is one or zero.</summary>
    void SetBool(int column, bool value);

    /// <summary>Cell <paramref name="column"/> is <paramref name="value"/>, already a field element.</summary>
    void SetField(int column, KoalaBear value);
}
