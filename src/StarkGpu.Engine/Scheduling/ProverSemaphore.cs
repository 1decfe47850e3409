namespace StarkGpu.Engine.Scheduling;

/// <summary>
/// Bounds how many provers hold device memory at once. A trace generation call takes one permit
/// after its host work has started and before it touches device memory; the permit travels with
/// the traces and is released when they are disposed.
/// </summary>
public sealed class ProverSemaphore : IDisposable
{
    private readonly SemaphoreSlim _semaphore;

    public ProverSemaphore(int permits = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(permits);
        Permits = permits;
        _semaphore = new SemaphoreSlim(permits, permits);
    }

    /// <summary>The number of permits that exist.</summary>
    public int Permits { get; }

    /// <summary>Permits free right now.</summary>
    public int Available => _semaphore.CurrentCount;

    /// <summary>Waits for a permit; cancellation leaves the semaphore untouched.</summary>
    public async Task<ProverPermit> AcquireAsync(CancellationToken cancellationToken = default)
    {
        await _semaphore.WaitAsync(cancellationToken).ConfigureAwait(false);
        return new ProverPermit(_semaphore);
    }

    public void Dispose() => _semaphore.Dispose();
}

/// <summary>One held permit of a <see cref="ProverSemaphore"/>; disposing it releases the permit exactly once.</summary>
public sealed class ProverPermit : IDisposable
{
    private SemaphoreSlim? _semaphore;

    internal ProverPermit(SemaphoreSlim semaphore) => _semaphore = semaphore;

    public bool IsReleased => Volatile.Read(ref _semaphore) is null;

    public void Dispose() => Interlocked.Exchange(ref _semaphore, null)?.Release();
}
