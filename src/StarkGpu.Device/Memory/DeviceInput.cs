using System.Buffers;

namespace StarkGpu.Device;

/// <summary>
/// Host data that kernels read, from <see cref="DeviceStream.Stage{T}"/>: on a backend whose kernels can read host
/// memory (the CPU backend) it is the host array itself, pinned for as long as this lives; elsewhere a device copy.
/// Either way a kernel takes it as a pointer to <see cref="Length"/> elements. Dispose it after the last kernel that
/// reads it has been issued (a copy is freed in stream order, a pin is released at once: on the CPU backend the
/// kernels have already run).
/// </summary>
public sealed unsafe class DeviceInput<T> : IDisposable where T : unmanaged
{
    private readonly DeviceBuffer<T>? _copy;
    private MemoryHandle _pin;
    private DevicePointer _pointer;

    internal DeviceInput(DeviceBuffer<T> copy)
    {
        _copy = copy;
        _pointer = copy.Pointer;
        Length = copy.Length;
    }

    internal DeviceInput(MemoryHandle pin, long length)
    {
        _pin = pin;
        _pointer = new DevicePointer((ulong)pin.Pointer);
        Length = length;
    }

    public long Length { get; }

    /// <summary>Whether the kernels read the host's own memory (no copy was made).</summary>
    public bool IsHostMemory => _copy is null;

    /// <summary>The device address of element 0.</summary>
    public DevicePointer Pointer
    {
        get
        {
            ObjectDisposedException.ThrowIf(_pointer.IsNull && Length > 0, this);
            return _pointer;
        }
    }

    public static implicit operator KernelArg(DeviceInput<T> input) => new(input.Pointer.Address);

    public void Dispose()
    {
        _pointer = DevicePointer.Null;
        _copy?.Dispose();
        _pin.Dispose();
    }

    public override string ToString() => $"DeviceInput<{typeof(T).Name}>[{Length}] ({(IsHostMemory ? "host memory" : "device copy")})";
}
