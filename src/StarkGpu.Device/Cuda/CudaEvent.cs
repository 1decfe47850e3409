namespace StarkGpu.Device.Cuda;

/// <summary>A CUevent: a marker recorded into a stream, complete once the work before it is.</summary>
internal sealed class CudaEvent : IDisposable
{
    private readonly CudaPrimaryContext _context;
    private nint _handle;

    private CudaEvent(CudaPrimaryContext context, nint handle)
    {
        _context = context;
        _handle = handle;
    }

    /// <param name="timing">False gives a cheaper event that can only be waited for, not timed.</param>
    public static CudaEvent Create(CudaPrimaryContext context, bool timing)
    {
        context.MakeCurrent();
        var flags = timing ? CudaDriver.EventDefault : CudaDriver.EventDisableTiming;
        CudaErrors.Check(CudaDriver.cuEventCreate(out var handle, flags), "cuEventCreate");
        return new CudaEvent(context, handle);
    }

    private nint Handle
    {
        get
        {
            ObjectDisposedException.ThrowIf(_handle == 0, this);
            return _handle;
        }
    }

    public void Record(nint stream)
    {
        _context.MakeCurrent();
        CudaErrors.Check(CudaDriver.cuEventRecord(Handle, stream), "cuEventRecord");
    }

    /// <summary>Whether the work recorded before the event has completed, without waiting.</summary>
    public bool IsComplete()
    {
        _context.MakeCurrent();
        var result = CudaDriver.cuEventQuery(Handle);
        if (result == CudaDriver.ErrorNotReady)
        {
            return false;
        }

        CudaErrors.Check(result, "cuEventQuery");
        return true;
    }

    /// <summary>
    /// Completes when the work issued so far on <paramref name="stream"/> has, polling an event so that no
    /// thread-pool thread blocks in the driver: a poll costs about a microsecond, the pause between polls
    /// about a millisecond.
    /// </summary>
    public static async Task WhenDoneAsync(CudaPrimaryContext context, nint stream, CancellationToken cancellationToken)
    {
        using var done = Create(context, timing: false);
        done.Record(stream);
        while (!done.IsComplete())
        {
            await Task.Delay(1, cancellationToken).ConfigureAwait(false);
        }
    }

    public void Synchronize()
    {
        _context.MakeCurrent();
        CudaErrors.Check(CudaDriver.cuEventSynchronize(Handle), "cuEventSynchronize");
    }

    /// <summary>Milliseconds of device time from <paramref name="start"/> to <paramref name="end"/>; both must be complete.</summary>
    public static float ElapsedMilliseconds(CudaEvent start, CudaEvent end)
    {
        start._context.MakeCurrent();
        CudaErrors.Check(CudaDriver.cuEventElapsedTime(out var milliseconds, start.Handle, end.Handle), "cuEventElapsedTime");
        return milliseconds;
    }

    public void Dispose()
    {
        if (_handle == 0)
        {
            return;
        }

        // An event recorded but not yet complete may be destroyed: the driver frees it on completion.
        // Once the context is released the event went with it, and its handle must not be touched.
        if (_context.TryMakeCurrent())
        {
            _ = CudaDriver.cuEventDestroy(_handle);
        }

        _handle = 0;
    }
}
