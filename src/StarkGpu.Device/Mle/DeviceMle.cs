using System.Runtime.CompilerServices;
using ILGPU;

namespace StarkGpu.Device;

/// <summary>
/// A trace in device memory, column-major: column <c>c</c> occupies elements
/// <c>[c * Height, (c + 1) * Height)</c>, as a prover commits to it. Owns its buffer.
/// </summary>
public sealed class DeviceMle<T> : IDisposable where T : unmanaged
{
    public DeviceMle(DeviceBuffer<T> storage, int width, int height)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(width);
        ArgumentOutOfRangeException.ThrowIfNegative(height);
        if (storage.Length != (long)width * height)
        {
            throw new ArgumentException($"storage holds {storage.Length} elements, a {width} x {height} trace needs {(long)width * height}", nameof(storage));
        }

        Storage = storage;
        Width = width;
        Height = height;
    }

    public DeviceBuffer<T> Storage { get; }

    /// <summary>Number of columns.</summary>
    public int Width { get; }

    /// <summary>Number of real rows (before padding).</summary>
    public int Height { get; }

    /// <summary>Column <paramref name="column"/> (<see cref="Height"/> elements), for kernels.</summary>
    public ArrayView<T> Column(int column)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(column);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(column, Width);
        return Storage.Slice((long)column * Height, Height);
    }

    /// <summary>The storage as 32-bit words (column-major cells), for kernels that write traces; T must be 4 bytes.</summary>
    public ArrayView<uint> Cells =>
        Unsafe.SizeOf<T>() == sizeof(uint)
            ? Storage.View.Cast<uint>()
            : throw new NotSupportedException($"DeviceMle<{typeof(T).Name}>: cells are 32-bit words, {typeof(T).Name} is {Unsafe.SizeOf<T>()} bytes");

    /// <summary>Copies to the host, column-major as stored.</summary>
    public T[] ToHostColumnMajor() => Storage.ToArray();

    /// <summary>Copies to the host and transposes to row-major <c>[Height x Width]</c>, for tests and checks.</summary>
    public T[] ToHostRowMajor()
    {
        var columns = ToHostColumnMajor();
        var rows = new T[columns.Length];
        for (var c = 0; c < Width; c++)
        {
            for (var r = 0; r < Height; r++)
            {
                rows[((long)r * Width) + c] = columns[((long)c * Height) + r];
            }
        }

        return rows;
    }

    public void Dispose() => Storage.Dispose();
}
