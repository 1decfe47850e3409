namespace StarkGpu.Device;

/// <summary>
/// Counts the device bytes an accelerator has handed out and not taken back. Tests read it before
/// and after a scenario to prove that nothing leaked, on success and on every failure path.
/// </summary>
public sealed class DeviceMemoryLedger
{
    private long _liveBytes;
    private long _peakBytes;
    private long _liveAllocations;

    public long LiveBytes => Interlocked.Read(ref _liveBytes);

    public long PeakBytes => Interlocked.Read(ref _peakBytes);

    public long LiveAllocations => Interlocked.Read(ref _liveAllocations);

    internal void Allocated(long bytes)
    {
        Interlocked.Increment(ref _liveAllocations);
        var live = Interlocked.Add(ref _liveBytes, bytes);
        var peak = Interlocked.Read(ref _peakBytes);
        while (live > peak)
        {
            var seen = Interlocked.CompareExchange(ref _peakBytes, live, peak);
            if (seen == peak)
            {
                break;
            }

            peak = seen;
        }
    }

    internal void Freed(long bytes)
    {
        Interlocked.Decrement(ref _liveAllocations);
        Interlocked.Add(ref _liveBytes, -bytes);
    }

    /// <summary>Starts peak tracking afresh from the current live bytes.</summary>
    public void ResetPeak() => Interlocked.Exchange(ref _peakBytes, LiveBytes);

    public override string ToString() => $"{LiveBytes:N0} live bytes in {LiveAllocations} allocations, peak {PeakBytes:N0}";
}
