using System.Runtime.CompilerServices;
using ILGPU;
using ILGPU.Runtime;

namespace StarkGpu.Device;

/// <summary>
/// A typed allocation of device memory: a block of the accelerator's pool, seen as <see cref="Length"/> elements
/// (<see cref="View"/> for kernels). It records itself in the accelerator's <see cref="DeviceMemoryLedger"/> for as
/// long as it lives; <see cref="Dispose"/> waits for the work issued on its stream, then gives the block back.
/// </summary>
public sealed unsafe class DeviceBuffer<T> : IDisposable where T : unmanaged
{
    /// <summary>
    /// Bytes a block holds beyond the buffer's, so that element 0 can start on a 64-byte line: ILGPU's CPU buffers are
    /// only 16-byte aligned, and the host backend streams whole aligned lines into them (GPU allocations are aligned
    /// already, so their offset is 0).
    /// </summary>
    internal const int AlignmentSlack = 64;

    private MemoryBuffer1D<byte, Stride1D.Dense>? _block;
    private readonly ArrayView<T> _view;
    private readonly long _offset;

    internal DeviceBuffer(DeviceStream stream, MemoryBuffer1D<byte, Stride1D.Dense>? block, long length)
    {
        Stream = stream;
        _block = block;
        Length = length;
        if (block is not null && length != 0)
        {
            _offset = (AlignmentSlack - (long)((ulong)block.NativePtr % AlignmentSlack)) % AlignmentSlack;
            _view = block.View.AsContiguous().SubView(_offset, length * Unsafe.SizeOf<T>()).Cast<T>();
        }
        else
        {
            _view = ArrayView<T>.Empty;
        }
    }

    /// <summary>The stream that allocated the buffer and frees it.</summary>
    public DeviceStream Stream { get; }

    public long Length { get; }

    public long SizeInBytes => Length * Unsafe.SizeOf<T>();

    public bool IsDisposed { get; private set; }

    /// <summary>The whole buffer, for kernels.</summary>
    public ArrayView<T> View
    {
        get
        {
            ObjectDisposedException.ThrowIf(IsDisposed, this);
            return _view;
        }
    }

    /// <summary>Elements <c>[offset, offset + length)</c>, for kernels and copies.</summary>
    public ArrayView<T> Slice(long offset, long length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        if (offset + length > Length)
        {
            throw new ArgumentOutOfRangeException(nameof(length), $"range [{offset}, {offset + length}) exceeds {this}");
        }

        return length == 0 ? ArrayView<T>.Empty : View.SubView(offset, length);
    }

    /// <summary>The host address of element 0, where device memory is host memory (the CPU backend); throws elsewhere.</summary>
    public void* HostPointer
    {
        get
        {
            ObjectDisposedException.ThrowIf(IsDisposed, this);
            if (!Stream.Accelerator.MemoryIsHostAddressable)
            {
                throw new NotSupportedException($"{Stream.Accelerator.Name}: device memory is not host-addressable; copy it through the stream");
            }

            return _block is null ? null : (byte*)_block.NativePtr + _offset;
        }
    }

    /// <summary>Copies the whole buffer to a new host array (synchronises the stream).</summary>
    public T[] ToArray()
    {
        var host = new T[Length];
        Stream.CopyToHost(this, host);
        return host;
    }

    public void Dispose()
    {
        if (IsDisposed)
        {
            return;
        }

        IsDisposed = true;
        var block = _block;
        _block = null;
        Stream.Free(block, SizeInBytes);
    }

    public override string ToString() => $"DeviceBuffer<{typeof(T).Name}>[{Length}]";
}
