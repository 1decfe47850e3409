namespace StarkGpu.Device.Cuda;

/// <summary>
/// A CUstream. Allocation is stream-ordered (cuMemAllocAsync/cuMemFreeAsync), so memory freed here is
/// reused by later work on the same stream without a device-wide synchronisation. Copies from
/// pageable host memory wait for the stream, because <see cref="DeviceStream.CopyToDevice{T}"/>
/// promises that the source may be reused when it returns; copies from pinned memory do not.
/// </summary>
internal sealed unsafe class CudaStream : DeviceStream
{
    private readonly CudaAccelerator _cuda;
    private readonly CudaPrimaryContext _context;
    private nint _handle;

    public CudaStream(CudaAccelerator accelerator, CudaPrimaryContext context) : base(accelerator)
    {
        _cuda = accelerator;
        _context = context;
        _context.MakeCurrent();
        // Non-blocking: the legacy NULL stream (used by other CUDA code in the process) must not
        // serialise with ours.
        CudaErrors.Check(CudaDriver.cuStreamCreate(out _handle, CudaDriver.StreamNonBlocking), "cuStreamCreate");
    }

    internal CudaPrimaryContext Context => _context;

    /// <summary>Makes the context current on this thread and returns the CUstream: the start of every driver call sequence.</summary>
    internal nint Enter()
    {
        ObjectDisposedException.ThrowIf(_handle == 0, this);
        _context.MakeCurrent();
        return _handle;
    }

    protected override DevicePointer AllocateRaw(long bytes)
    {
        var stream = Enter();
        var result = CudaDriver.cuMemAllocAsync(out var pointer, (nuint)bytes, stream);
        if (result == CudaDriver.ErrorOutOfMemory)
        {
            throw new DeviceOutOfMemoryException(bytes, FreeBytesOrZero(), _cuda.Name);
        }

        CudaErrors.Check(result, "cuMemAllocAsync", $"{bytes:N0} bytes");
        return new DevicePointer(pointer);
    }

    // For an error message only: a failing query must not hide the out-of-memory error itself.
    private long FreeBytesOrZero()
    {
        try
        {
            return _cuda.FreeMemoryBytes;
        }
        catch (DeviceException)
        {
            return 0;
        }
    }

    protected override void FreeRaw(DevicePointer pointer)
    {
        if (_handle == 0)
        {
            // The stream is gone (its work was drained when it was disposed): free in the order of
            // the legacy NULL stream instead; once the accelerator is disposed, the memory went with it.
            if (_context.TryMakeCurrent())
            {
                CudaErrors.Check(CudaDriver.cuMemFreeAsync(pointer.Address, 0), "cuMemFreeAsync");
            }

            return;
        }

        CudaErrors.Check(CudaDriver.cuMemFreeAsync(pointer.Address, Enter()), "cuMemFreeAsync");
    }

    protected override void CopyHostToDeviceRaw(void* source, DevicePointer destination, long bytes, bool sourceIsPinned)
    {
        var stream = Enter();
        CudaErrors.Check(CudaDriver.cuMemcpyHtoDAsync(destination.Address, source, (nuint)bytes, stream), "cuMemcpyHtoDAsync_v2", $"{bytes:N0} bytes");
        if (!sourceIsPinned)
        {
            // The caller may reuse (or the GC may move) pageable memory as soon as we return.
            Synchronize();
        }
    }

    protected override void CopyDeviceToHostRaw(DevicePointer source, void* destination, long bytes, bool destinationIsPinned)
    {
        var stream = Enter();
        CudaErrors.Check(CudaDriver.cuMemcpyDtoHAsync(destination, source.Address, (nuint)bytes, stream), "cuMemcpyDtoHAsync_v2", $"{bytes:N0} bytes");
        if (!destinationIsPinned)
        {
            Synchronize();
        }
    }

    protected override void CopyDeviceToDeviceRaw(DevicePointer source, DevicePointer destination, long bytes) =>
        CudaErrors.Check(CudaDriver.cuMemcpyDtoDAsync(destination.Address, source.Address, (nuint)bytes, Enter()), "cuMemcpyDtoDAsync_v2", $"{bytes:N0} bytes");

    protected override void Memset32Raw(DevicePointer destination, uint value, long count) =>
        CudaErrors.Check(CudaDriver.cuMemsetD32Async(destination.Address, value, (nuint)count, Enter()), "cuMemsetD32Async", $"{count:N0} words");

    protected override void LaunchRaw(Kernel kernel, LaunchShape shape, void** arguments)
    {
        var stream = Enter();
        var result = CudaDriver.cuLaunchKernel(kernel.Handle, shape.Blocks, 1, 1, shape.ThreadsPerBlock, 1, 1, 0, stream, arguments, null);
        CudaErrors.Check(result, "cuLaunchKernel", $"kernel '{kernel.Name}', {shape}");
    }

    public override void Synchronize() =>
        CudaErrors.Check(CudaDriver.cuStreamSynchronize(Enter()), "cuStreamSynchronize");

    /// <summary>Waits for the work issued so far (marked by an event) without blocking a thread in the driver.</summary>
    public override Task SynchronizeAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return CudaEvent.WhenDoneAsync(_context, Enter(), cancellationToken);
    }

    protected override void Dispose(bool disposing)
    {
        if (_handle != 0 && _context.TryMakeCurrent())
        {
            // Drain first, so that buffers this stream allocated may still be freed after it is gone
            // (see FreeRaw). Teardown must not throw: a failed stream has nothing left to wait for.
            _ = CudaDriver.cuStreamSynchronize(_handle);
            _ = CudaDriver.cuStreamDestroy(_handle);
        }

        _handle = 0;
        base.Dispose(disposing);
    }
}
