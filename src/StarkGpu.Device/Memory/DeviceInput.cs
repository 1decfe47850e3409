using System.Buffers;
using ILGPU;
using ILGPU.Runtime;
using ILGPU.Runtime.CPU;

namespace StarkGpu.Device;

/// <summary>
/// Host data that kernels read, from <see cref="DeviceStream.Stage{T}"/>: where device memory is host memory (the
/// CPU backend) the host array itself, pinned and wrapped as an ILGPU buffer for as long as this lives (no copy, no
/// device memory); elsewhere a device copy. Dispose it after the last kernel that reads it has been issued (a copy
/// is freed after its stream's work; a pin is released at once: on the CPU backend the kernels have already run).
/// </summary>
public sealed unsafe class DeviceInput<T> : IDisposable where T : unmanaged
{
    private readonly DeviceBuffer<T>? _copy;
    private readonly MemoryBuffer? _wrapper;
    private readonly ArrayView<T> _view;
    private MemoryHandle _pin;
    private bool _disposed;

    internal DeviceInput(DeviceBuffer<T> copy)
    {
        _copy = copy;
        _view = copy.View;
        Length = copy.Length;
    }

    internal DeviceInput(ILGPU.Runtime.Accelerator device, ReadOnlyMemory<T> source)
    {
        _pin = source.Pin();
        try
        {
            _wrapper = CPUMemoryBuffer.Create(device, (T*)_pin.Pointer, source.Length);
            _view = _wrapper.AsArrayView<T>(0, source.Length);
        }
        catch
        {
            _pin.Dispose();
            throw;
        }

        Length = source.Length;
    }

    public long Length { get; }

    /// <summary>Whether the kernels read the host's own memory (no copy was made).</summary>
    public bool IsHostMemory => _copy is null;

    /// <summary>The staged elements, for kernels.</summary>
    public ArrayView<T> View
    {
        get
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return _view;
        }
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _copy?.Dispose();
        _wrapper?.Dispose();
        _pin.Dispose();
    }

    public override string ToString() => $"DeviceInput<{typeof(T).Name}>[{Length}] ({(IsHostMemory ? "host memory" : "device copy")})";
}
