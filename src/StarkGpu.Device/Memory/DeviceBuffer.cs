using System.Runtime.CompilerServices;

namespace StarkGpu.Device;

/// <summary>
/// A typed allocation of device memory, freed in stream order on <see cref="Dispose"/>. It records
/// itself in the accelerator's <see cref="DeviceMemoryLedger"/> for as long as it lives.
/// </summary>
public sealed class DeviceBuffer<T> : IDisposable where T : unmanaged
{
    private DevicePointer _pointer;

    internal DeviceBuffer(DeviceStream stream, DevicePointer pointer, long length)
    {
        Stream = stream;
        _pointer = pointer;
        Length = length;
    }

    /// <summary>The stream that allocated the buffer and will free it.</summary>
    public DeviceStream Stream { get; }

    public long Length { get; }

    public long SizeInBytes => Length * Unsafe.SizeOf<T>();

    public bool IsDisposed => _pointer.IsNull && Length > 0;

    /// <summary>The device address of element 0.</summary>
    public DevicePointer Pointer
    {
        get
        {
            ObjectDisposedException.ThrowIf(IsDisposed, this);
            return _pointer;
        }
    }

    /// <summary>The device address of element <paramref name="index"/> (a kernel argument or a copy target).</summary>
    public DevicePointer At(long index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(index, Length);
        return Pointer + (index * Unsafe.SizeOf<T>());
    }

    public static implicit operator KernelArg(DeviceBuffer<T> buffer) => new(buffer.Pointer.Address);

    /// <summary>Copies the whole buffer to a new host array (synchronises the stream).</summary>
    public T[] ToArray()
    {
        var host = new T[Length];
        Stream.CopyToHost(this, host);
        return host;
    }

    public void Dispose()
    {
        var pointer = _pointer;
        if (pointer.IsNull)
        {
            return;
        }

        _pointer = DevicePointer.Null;
        Stream.Free(pointer, SizeInBytes);
    }

    public override string ToString() => $"DeviceBuffer<{typeof(T).Name}>[{Length}] at {_pointer}";
}
