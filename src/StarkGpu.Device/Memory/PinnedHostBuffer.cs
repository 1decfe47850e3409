using System.Runtime.CompilerServices;

namespace StarkGpu.Device;

/// <summary>
/// Page-locked host memory for asynchronous copies (cuMemHostAlloc on CUDA; aligned native memory on
/// the CPU backend). The host side of a staged transfer must not move or be freed while a copy is in
/// flight, which a managed array cannot promise.
/// </summary>
public sealed unsafe class PinnedHostBuffer<T> : IDisposable where T : unmanaged
{
    private readonly Accelerator _accelerator;
    private void* _memory;

    internal PinnedHostBuffer(Accelerator accelerator, void* memory, long length)
    {
        _accelerator = accelerator;
        _memory = memory;
        Length = length;
    }

    public long Length { get; }

    public long SizeInBytes => Length * Unsafe.SizeOf<T>();

    internal void* Pointer
    {
        get
        {
            ObjectDisposedException.ThrowIf(_memory == null, this);
            return _memory;
        }
    }

    public Span<T> Span => new(Pointer, checked((int)Length));

    public void Dispose()
    {
        if (_memory == null)
        {
            return;
        }

        var memory = _memory;
        _memory = null;
        _accelerator.FreePinned(memory);
    }
}
