namespace StarkGpu.Device.Cuda;

/// <summary>
/// A retained reference to a device's primary context, the one the CUDA runtime API shares (so the
/// library coexists with runtime-API code in the same process). The current context is a property of
/// the calling OS thread, and async code hops threads, so every public entry point of the backend
/// calls <see cref="MakeCurrent"/> before its driver calls; cuCtxSetCurrent is a cheap thread-local store.
/// </summary>
internal sealed class CudaPrimaryContext : IDisposable
{
    private readonly int _device;
    private nint _context;

    private CudaPrimaryContext(int device, nint context)
    {
        _device = device;
        _context = context;
    }

    public static CudaPrimaryContext Retain(int ordinal)
    {
        CudaErrors.Check(CudaDriver.cuDeviceGet(out var device, ordinal), "cuDeviceGet");
        CudaErrors.Check(CudaDriver.cuDevicePrimaryCtxRetain(out var context, device), "cuDevicePrimaryCtxRetain");
        var primary = new CudaPrimaryContext(device, context);
        primary.MakeCurrent();
        return primary;
    }

    public void MakeCurrent()
    {
        ObjectDisposedException.ThrowIf(_context == 0, this);
        CudaErrors.Check(CudaDriver.cuCtxSetCurrent(_context), "cuCtxSetCurrent");
    }

    /// <summary>For teardown paths, which must not throw: false when the context is gone or cannot be made current.</summary>
    public bool TryMakeCurrent() => _context != 0 && CudaDriver.cuCtxSetCurrent(_context) == CudaDriver.Success;

    public void Dispose()
    {
        if (_context == 0)
        {
            return;
        }

        // Teardown must not throw; a failing release (a context already lost) has nothing left to free.
        _ = CudaDriver.cuCtxSetCurrent(0);
        _ = CudaDriver.cuDevicePrimaryCtxRelease(_device);
        _context = 0;
    }
}
