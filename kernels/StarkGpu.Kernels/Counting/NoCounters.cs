namespace StarkGpu.Kernels.Counting;

/// <summary>Counters that count nothing: a trace written without its lookups (the JIT and ILGPU drop the counting code).</summary>
public readonly struct NoCounters : ICounters<NoCounters>
{
    public NoCounters ForWorker(long worker) => this;

    public void Increment(int table, uint cell)
    {
    }

    public void Error()
    {
    }
}
