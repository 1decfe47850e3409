using System.Runtime.CompilerServices;
using StarkGpu.Kernels.Layout;
using StarkGpu.Kernels.Memory;

namespace StarkGpu.Device.Layout;

/// <summary>Row-major to column-major conversion on the device: how host traces become prover-ready MLEs.</summary>
public static class DeviceTranspose
{
    /// <summary>
    /// Writes the column-major <c>[cols x rows]</c> form of the row-major <c>[rows x cols]</c> matrix in
    /// <paramref name="rowMajor"/> into <paramref name="columnMajor"/> (kernels/StarkGpu.Kernels/Layout/TransposeKernels.cs).
    /// Elements must be 32-bit.
    /// </summary>
    public static void RowsToColumns<T>(DeviceStream stream, DeviceBuffer<T> rowMajor, DeviceBuffer<T> columnMajor, long rows, long cols)
        where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(rowMajor);
        ArgumentNullException.ThrowIfNull(columnMajor);
        if (Unsafe.SizeOf<T>() != sizeof(uint))
        {
            throw new ArgumentException($"the transpose kernel moves 32-bit elements, not {typeof(T).Name}", nameof(rowMajor));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        ArgumentOutOfRangeException.ThrowIfNegative(cols);
        var elements = rows * cols;
        if (rowMajor.Length < elements || columnMajor.Length < elements)
        {
            throw new ArgumentException($"a {rows} x {cols} transpose needs {elements} elements; source has {rowMajor.Length}, destination {columnMajor.Length}");
        }

        if (elements == 0)
        {
            return;
        }

        var range = stream.Accelerator.Range(TransposeKernels.TileCount(rows, cols));
        stream.Launch(TransposeKernels.RowsToColumns, range.Workers, rowMajor.Slice(0, elements).Cast<uint>(), columnMajor.Slice(0, elements).Cast<uint>(), rows, cols, range);
    }

    /// <summary>Device-to-device copy of <paramref name="count"/> words by kernel: the memory floor the transpose is judged against.</summary>
    public static void Copy(DeviceStream stream, DeviceBuffer<uint> source, DeviceBuffer<uint> destination, long count)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(destination);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, Math.Min(source.Length, destination.Length));
        if (count > 0)
        {
            var range = stream.Accelerator.Range(count);
            stream.Launch(MemoryKernels.Copy, range.Workers, source.Slice(0, count), destination.Slice(0, count), range);
        }
    }
}
