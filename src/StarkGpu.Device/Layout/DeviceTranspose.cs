namespace StarkGpu.Device.Layout;

/// <summary>Row-major to column-major conversion on the device: how host traces become prover-ready MLEs.</summary>
public static class DeviceTranspose
{
    /// <summary>
    /// Writes the column-major <c>[cols x rows]</c> form of the row-major <c>[rows x cols]</c> matrix in
    /// <paramref name="rowMajor"/> into <paramref name="columnMajor"/>. Elements must be 32-bit.
    /// </summary>
    public static unsafe void RowsToColumns<T>(DeviceStream stream, DeviceBuffer<T> rowMajor, DeviceBuffer<T> columnMajor, long rows, long cols)
        where T : unmanaged
    {
        if (sizeof(T) != 4)
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

        const long Tile = 16; // TRANSPOSE_TILE in kernels/layout/transpose.cu
        var workItems = (rows + Tile - 1) / Tile * ((cols + Tile - 1) / Tile);
        stream.Launch(stream.Accelerator.GetKernel("transpose_u32"), workItems, rowMajor, columnMajor, rows, cols);
    }

    /// <summary>Device-to-device copy by kernel: the memory floor the transpose is judged against.</summary>
    public static void Copy(DeviceStream stream, DeviceBuffer<uint> source, DeviceBuffer<uint> destination, long count)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, Math.Min(source.Length, destination.Length));
        stream.Launch(stream.Accelerator.GetKernel("copy_u32"), count, source, destination, count);
    }
}
