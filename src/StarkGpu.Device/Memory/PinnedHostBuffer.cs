using System.Runtime.CompilerServices;
using ILGPU.Runtime;

namespace StarkGpu.Device;

/// <summary>
/// Page-locked host memory for asynchronous copies (ILGPU's <c>AllocatePageLocked1D</c>: cuMemHostAlloc on CUDA).
/// The host side of a staged transfer must not move or be freed while a copy is in flight, which a managed array
/// cannot promise.
/// </summary>
public sealed unsafe class PinnedHostBuffer<T> : IDisposable where T : unmanaged
{
    private PageLockedArray1D<T>? _array;

    internal PinnedHostBuffer(Accelerator accelerator, long length)
    {
        Length = length;
        _array = length == 0 ? null : accelerator.Device.AllocatePageLocked1D<T>(length);
    }

    public long Length { get; }

    public long SizeInBytes => Length * Unsafe.SizeOf<T>();

    internal PageLockedArray1D<T>? Array
    {
        get
        {
            ObjectDisposedException.ThrowIf(_array is null && Length > 0, this);
            return _array;
        }
    }

    public Span<T> Span => Array is { } array ? array.Span : [];

    public void Dispose()
    {
        var array = _array;
        _array = null;
        array?.Dispose();
    }
}
