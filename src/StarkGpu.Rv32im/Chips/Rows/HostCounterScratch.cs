using StarkGpu.Kernels.Host;

namespace StarkGpu.Rv32im.Chips.Rows;

/// <summary>
/// Host counters one chip's column job fills for another chip's trace (the host backend's fused counting, as the
/// device's <c>ByteLookupScratch</c> and <c>ProgramScratch</c>): one set per worker of <see cref="HostTraces"/>, so
/// every increment is plain, summed by the consumer. A scratch of the call's <c>DeviceTraceContext</c>, freed with it.
/// </summary>
public abstract class HostCounterScratch : IDisposable
{
    // One set per processor: HostTraces runs one worker per set it is given.
    protected HostCounterScratch(in HostCounters layout) => Sets = new HostCounterSets(Environment.ProcessorCount, layout);

    /// <summary>The per-worker sets.</summary>
    public HostCounterSets Sets { get; }

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            Sets.Dispose();
        }
    }
}
