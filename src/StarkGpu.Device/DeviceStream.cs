using System.Runtime.CompilerServices;

namespace StarkGpu.Device;

/// <summary>
/// An ordered queue of device work: allocations, copies, memsets and launches execute in the order
/// they were issued. On CUDA it is a CUstream with stream-ordered allocation; on the CPU backend work
/// runs at once on the calling thread (kernels fan out over OpenMP threads). A stream is used by one
/// thread at a time.
/// </summary>
public abstract unsafe class DeviceStream : IDisposable
{
    protected DeviceStream(Accelerator accelerator) => Accelerator = accelerator;

    public Accelerator Accelerator { get; }

    // ---- backend primitives ----
    protected abstract DevicePointer AllocateRaw(long bytes);

    protected abstract void FreeRaw(DevicePointer pointer);

    protected abstract void CopyHostToDeviceRaw(void* source, DevicePointer destination, long bytes, bool sourceIsPinned);

    protected abstract void CopyDeviceToHostRaw(DevicePointer source, void* destination, long bytes, bool destinationIsPinned);

    protected abstract void CopyDeviceToDeviceRaw(DevicePointer source, DevicePointer destination, long bytes);

    protected abstract void Memset32Raw(DevicePointer destination, uint value, long count);

    protected abstract void LaunchRaw(Kernel kernel, LaunchShape shape, void** arguments);

    /// <summary>Blocks until all work issued on this stream has completed.</summary>
    public abstract void Synchronize();

    /// <summary>Completes when all work issued so far has completed, without blocking a thread where the backend allows.</summary>
    public virtual Task SynchronizeAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Synchronize();
        return Task.CompletedTask;
    }

    // ---- allocation ----

    /// <summary>Allocates <paramref name="length"/> elements (contents undefined), ordered on this stream.</summary>
    public DeviceBuffer<T> Allocate<T>(long length) where T : unmanaged
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        var bytes = checked(length * sizeof(T));
        var pointer = bytes == 0 ? DevicePointer.Null : AllocateRaw(bytes);
        if (bytes != 0)
        {
            Accelerator.Ledger.Allocated(bytes);
        }

        return new DeviceBuffer<T>(this, pointer, length);
    }

    /// <summary>Allocates and zero-fills.</summary>
    public DeviceBuffer<T> AllocateZeroed<T>(long length) where T : unmanaged
    {
        var buffer = Allocate<T>(length);
        if (buffer.SizeInBytes != 0)
        {
            MemsetBytesZero(buffer.Pointer, buffer.SizeInBytes);
        }

        return buffer;
    }

    /// <summary>Allocates a buffer holding a copy of <paramref name="source"/>.</summary>
    public DeviceBuffer<T> Upload<T>(ReadOnlySpan<T> source) where T : unmanaged
    {
        var buffer = Allocate<T>(source.Length);
        try
        {
            CopyToDevice(source, buffer);
            return buffer;
        }
        catch
        {
            buffer.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Makes <paramref name="source"/> readable by kernels on this stream for as long as the result lives. Where
    /// kernels can read host memory (<see cref="KernelsReadHostMemory"/>: the CPU backend) the array is pinned and
    /// read in place, with no copy and no allocation; elsewhere it is uploaded. <paramref name="source"/> must not
    /// change until the result is disposed.
    /// </summary>
    public DeviceInput<T> Stage<T>(ReadOnlyMemory<T> source) where T : unmanaged =>
        KernelsReadHostMemory && !source.IsEmpty ? new DeviceInput<T>(source.Pin(), source.Length) : new DeviceInput<T>(Upload(source.Span));

    /// <summary>Whether kernels on this stream can read pinned host memory at its host address.</summary>
    protected virtual bool KernelsReadHostMemory => false;

    internal void Free(DevicePointer pointer, long bytes)
    {
        FreeRaw(pointer);
        Accelerator.Ledger.Freed(bytes);
    }

    // ---- copies ----

    /// <summary>Copies host data to the device. Returns once <paramref name="source"/> may be reused.</summary>
    public void CopyToDevice<T>(ReadOnlySpan<T> source, DeviceBuffer<T> destination, long destinationOffset = 0) where T : unmanaged
    {
        CheckRange(destination, destinationOffset, source.Length);
        if (source.IsEmpty)
        {
            return;
        }

        fixed (T* s = source)
        {
            CopyHostToDeviceRaw(s, destination.At(destinationOffset), (long)source.Length * sizeof(T), sourceIsPinned: false);
        }
    }

    /// <summary>
    /// Copies from pinned host memory, asynchronously on CUDA: <paramref name="source"/> must stay
    /// untouched until the stream is synchronised.
    /// </summary>
    public void CopyToDeviceAsync<T>(PinnedHostBuffer<T> source, long count, DeviceBuffer<T> destination, long destinationOffset = 0) where T : unmanaged
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, source.Length);
        CheckRange(destination, destinationOffset, count);
        if (count != 0)
        {
            CopyHostToDeviceRaw(source.Pointer, destination.At(destinationOffset), count * sizeof(T), sourceIsPinned: true);
        }
    }

    /// <summary>Copies device data to the host; returns when <paramref name="destination"/> holds it.</summary>
    public void CopyToHost<T>(DeviceBuffer<T> source, Span<T> destination, long sourceOffset = 0) where T : unmanaged
    {
        CheckRange(source, sourceOffset, destination.Length);
        if (destination.IsEmpty)
        {
            return;
        }

        fixed (T* d = destination)
        {
            CopyDeviceToHostRaw(source.At(sourceOffset), d, (long)destination.Length * sizeof(T), destinationIsPinned: false);
        }
    }

    public void CopyDeviceToDevice<T>(DeviceBuffer<T> source, long sourceOffset, DeviceBuffer<T> destination, long destinationOffset, long count)
        where T : unmanaged
    {
        CheckRange(source, sourceOffset, count);
        CheckRange(destination, destinationOffset, count);
        if (count != 0)
        {
            CopyDeviceToDeviceRaw(source.At(sourceOffset), destination.At(destinationOffset), count * sizeof(T));
        }
    }

    /// <summary>Fills <paramref name="count"/> 32-bit words from <paramref name="offset"/> with <paramref name="value"/>.</summary>
    public void Fill32<T>(DeviceBuffer<T> buffer, uint value, long offset = 0, long count = -1) where T : unmanaged
    {
        if (sizeof(T) != 4)
        {
            throw new ArgumentException($"Fill32 needs a 4-byte element type, not {typeof(T).Name}", nameof(buffer));
        }

        if (count < 0)
        {
            count = buffer.Length - offset;
        }

        CheckRange(buffer, offset, count);
        if (count != 0)
        {
            Memset32Raw(buffer.At(offset), value, count);
        }
    }

    public void Clear<T>(DeviceBuffer<T> buffer) where T : unmanaged
    {
        if (buffer.SizeInBytes != 0)
        {
            MemsetBytesZero(buffer.Pointer, buffer.SizeInBytes);
        }
    }

    private void MemsetBytesZero(DevicePointer pointer, long bytes)
    {
        // Every allocation is a whole number of 4-byte words or a tail of under 4 bytes.
        var words = bytes / 4;
        if (words != 0)
        {
            Memset32Raw(pointer, 0, words);
        }

        var tail = bytes - (words * 4);
        if (tail != 0)
        {
            uint zero = 0;
            CopyHostToDeviceRaw(&zero, pointer + (words * 4), tail, sourceIsPinned: false);
        }
    }

    private static void CheckRange<T>(DeviceBuffer<T> buffer, long offset, long count) where T : unmanaged
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (offset + count > buffer.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(count), $"range [{offset}, {offset + count}) exceeds {buffer}");
        }
    }

    // ---- launches ----

    /// <summary>
    /// Launches <paramref name="kernel"/> with a backend-chosen shape for a <c>GRID_LOOP</c> over
    /// <paramref name="workItems"/> items. Arguments are passed by value in kernel-parameter order.
    /// </summary>
    public void Launch(Kernel kernel, long workItems, params ReadOnlySpan<KernelArg> arguments) =>
        Launch(kernel, Accelerator.ShapeFor(workItems), arguments);

    public void Launch(Kernel kernel, LaunchShape shape, params ReadOnlySpan<KernelArg> arguments)
    {
        const int MaxArguments = 32;
        if (arguments.Length > MaxArguments)
        {
            throw new ArgumentException($"kernel {kernel.Name}: {arguments.Length} arguments, at most {MaxArguments}", nameof(arguments));
        }

        var values = stackalloc ulong[Math.Max(arguments.Length, 1)];
        var pointers = stackalloc void*[Math.Max(arguments.Length, 1)];
        for (var i = 0; i < arguments.Length; i++)
        {
            values[i] = arguments[i].Bits;
            pointers[i] = values + i;
        }

        LaunchRaw(kernel, shape, pointers);
    }

    public void Launch(string kernelName, long workItems, params ReadOnlySpan<KernelArg> arguments) =>
        Launch(Accelerator.GetKernel(kernelName), workItems, arguments);

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
    }

    internal static int SizeOf<T>() where T : unmanaged => Unsafe.SizeOf<T>();
}
