using StarkGpu.Fields;

namespace StarkGpu.Kernels.Traces;

/// <summary>A row that stores nothing: running a row writer over it only counts the row's lookups (the stores, and what only they need, compile away).</summary>
public readonly struct DiscardedRow : ITraceRow
{
    public void SetCanonical(int column, uint value)
    {
    }

    public void SetByte(int column, uint value)
    {
    }

    public void SetBool(int column, bool value)
    {
    }

    public void SetField(int column, KoalaBear value)
    {
    }
}
