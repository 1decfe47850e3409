using System.Runtime.CompilerServices;
using ILGPU;
using ILGPU.Runtime;
using StarkGpu.Kernels.Memory;

namespace StarkGpu.Device;

/// <summary>
/// An ordered queue of device work on one ILGPU accelerator stream: copies, fills and launches execute in the order
/// they were issued. A stream is used by one thread at a time; several streams may be used from several threads.
/// </summary>
public sealed partial class DeviceStream : IDisposable
{
    internal DeviceStream(Accelerator accelerator, AcceleratorStream native)
    {
        Accelerator = accelerator;
        Native = native;
    }

    public Accelerator Accelerator { get; }

    /// <summary>The ILGPU stream underneath.</summary>
    public AcceleratorStream Native { get; }

    /// <summary>Blocks until all work issued on this stream has completed.</summary>
    public void Synchronize() => Guard("Synchronize", Native.Synchronize);

    /// <summary>Completes when all work issued so far has completed.</summary>
    public Task SynchronizeAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (Accelerator.Kind == AcceleratorKind.Cpu)
        {
            Synchronize(); // the CPU accelerator has finished each launch when it returns
            return Task.CompletedTask;
        }

        return Task.Run(Synchronize, cancellationToken);
    }

    // ---- allocation ----

    /// <summary>Allocates <paramref name="length"/> elements (contents undefined) from the accelerator's pool.</summary>
    public DeviceBuffer<T> Allocate<T>(long length) where T : unmanaged
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        var bytes = checked(length * Unsafe.SizeOf<T>());
        if (bytes == 0)
        {
            return new DeviceBuffer<T>(this, null, 0);
        }

        var block = Accelerator.AllocateBlock(bytes, DeviceBuffer<T>.AlignmentSlack);
        Accelerator.Ledger.Allocated(bytes);
        return new DeviceBuffer<T>(this, block, length);
    }

    /// <summary>Allocates and zero-fills.</summary>
    public DeviceBuffer<T> AllocateZeroed<T>(long length) where T : unmanaged
    {
        var buffer = Allocate<T>(length);
        try
        {
            Clear(buffer);
            return buffer;
        }
        catch
        {
            buffer.Dispose();
            throw;
        }
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
    /// Makes <paramref name="source"/> readable by kernels on this stream for as long as the result lives: read in
    /// place where device memory is host memory (the CPU backend: pinned, no copy, no device memory), uploaded
    /// elsewhere. <paramref name="source"/> must not change until the result is disposed.
    /// </summary>
    public DeviceInput<T> Stage<T>(ReadOnlyMemory<T> source) where T : unmanaged =>
        Accelerator.MemoryIsHostAddressable && !source.IsEmpty ? new DeviceInput<T>(Accelerator.Device, source) : new DeviceInput<T>(Upload(source.Span));

    internal void Free(MemoryBuffer1D<byte, Stride1D.Dense>? block, long bytes)
    {
        if (block is null)
        {
            return;
        }

        // ILGPU frees at once, not in stream order: the block may go to another stream next, so this stream's work
        // on it must be done. On the CPU backend every launch has completed already, so this costs nothing.
        try
        {
            Synchronize();
        }
        finally
        {
            Accelerator.Pool.Free(block);
            Accelerator.Ledger.Freed(bytes);
        }
    }

    // ---- copies ----

    /// <summary>Copies host data to the device. Returns once <paramref name="source"/> may be reused.</summary>
    public void CopyToDevice<T>(ReadOnlySpan<T> source, DeviceBuffer<T> destination, long destinationOffset = 0) where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(destination);
        var target = destination.Slice(destinationOffset, source.Length);
        if (source.IsEmpty)
        {
            return;
        }

        try
        {
            Accelerator.BindToThread();
            target.CopyFromCPU(Native, source);
            Native.Synchronize();
        }
        catch (Exception e) when (e is not DeviceException)
        {
            throw Failure("CopyFromCPU", e);
        }
    }

    /// <summary>
    /// Copies <paramref name="count"/> elements from page-locked host memory, asynchronously on CUDA:
    /// <paramref name="source"/> must stay untouched until the stream is synchronised.
    /// </summary>
    public void CopyToDeviceAsync<T>(PinnedHostBuffer<T> source, long count, DeviceBuffer<T> destination, long destinationOffset = 0) where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(destination);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, source.Length);
        var target = destination.Slice(destinationOffset, count);
        if (count == 0)
        {
            return;
        }

        var from = source.Array!.ArrayView.SubView(0, count);
        Guard("CopyFrom (page-locked)", () => target.CopyFrom(Native, from));
    }

    /// <summary>Copies device data to the host; returns when <paramref name="destination"/> holds it.</summary>
    public void CopyToHost<T>(DeviceBuffer<T> source, Span<T> destination, long sourceOffset = 0) where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(source);
        var from = source.Slice(sourceOffset, destination.Length);
        if (destination.IsEmpty)
        {
            return;
        }

        try
        {
            Accelerator.BindToThread();
            from.CopyToCPU(Native, destination);
            Native.Synchronize();
        }
        catch (Exception e) when (e is not DeviceException)
        {
            throw Failure("CopyToCPU", e);
        }
    }

    public void CopyDeviceToDevice<T>(DeviceBuffer<T> source, long sourceOffset, DeviceBuffer<T> destination, long destinationOffset, long count)
        where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(destination);
        var from = source.Slice(sourceOffset, count);
        var to = destination.Slice(destinationOffset, count);
        if (count != 0)
        {
            Guard("CopyFrom (device)", () => to.CopyFrom(Native, from));
        }
    }

    /// <summary>Fills <paramref name="count"/> 32-bit words from <paramref name="offset"/> (all the rest by default) with <paramref name="value"/>, by kernel.</summary>
    public unsafe void Fill32<T>(DeviceBuffer<T> buffer, uint value, long offset = 0, long count = -1) where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(buffer);
        if (Unsafe.SizeOf<T>() != sizeof(uint))
        {
            throw new ArgumentException($"Fill32 needs a 4-byte element type, not {typeof(T).Name}", nameof(buffer));
        }

        if (count < 0)
        {
            count = buffer.Length - offset;
        }

        var words = buffer.Slice(offset, count).Cast<uint>();
        if (count == 0)
        {
            return;
        }

        if (Accelerator.MemoryIsHostAddressable)
        {
            // Device memory is host memory: the BCL's vectorized fill is the machine's memset, which the CPU
            // accelerator's one-thread-per-worker kernel is far from (and the memset floor of benchmarks is this).
            var first = (uint*)buffer.HostPointer + offset;
            for (long done = 0; done < count; done += int.MaxValue)
            {
                new Span<uint>(first + done, (int)Math.Min(int.MaxValue, count - done)).Fill(value);
            }

            return;
        }

        var range = Accelerator.Range(count);
        Launch(MemoryKernels.Fill, range.Workers, words, value, range);
    }

    /// <summary>Zero-fills the whole buffer (ILGPU's memset).</summary>
    public void Clear<T>(DeviceBuffer<T> buffer) where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(buffer);
        if (buffer.Length != 0)
        {
            var view = buffer.View;
            Guard("MemSetToZero", () => view.MemSetToZero(Native));
        }
    }

    public void Dispose() => Native.Dispose();

    private void Guard(string call, Action action)
    {
        try
        {
            Accelerator.BindToThread();
            action();
        }
        catch (Exception e) when (e is not DeviceException)
        {
            throw Failure(call, e);
        }
    }

    private DeviceException Failure(string call, Exception e) => new($"{call} failed on {Accelerator.Name}: {e.Message}", e) { Call = call };
}
