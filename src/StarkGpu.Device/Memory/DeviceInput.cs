using ILGPU;

namespace StarkGpu.Device;

/// <summary>
/// Host data that kernels read, from <see cref="DeviceStream.Stage{T}"/>: a device copy of it (an upload on every
/// backend: ILGPU 1.5.3 has no view of a managed array that its kernels may read). Dispose it after the last kernel
/// that reads it has been issued.
/// </summary>
public sealed class DeviceInput<T> : IDisposable where T : unmanaged
{
    private readonly DeviceBuffer<T> _copy;

    internal DeviceInput(DeviceBuffer<T> copy) => _copy = copy;

    public long Length => _copy.Length;

    /// <summary>The staged elements, for kernels.</summary>
    public ArrayView<T> View => _copy.View;

    public void Dispose() => _copy.Dispose();

    public override string ToString() => $"DeviceInput<{typeof(T).Name}>[{Length}]";
}
