namespace StarkGpu.Device;

/// <summary>
/// A trace padded to <c>2^NumVariables</c> rows, as the prover sees it. Rows from <see cref="Height"/>
/// up are zeros that are never allocated; an all-virtual MLE (a chip in the shard's cluster but not in
/// its record) owns no memory at all.
/// </summary>
public sealed class PaddedMle<T> : IDisposable where T : unmanaged
{
    private PaddedMle(DeviceMle<T>? inner, int width, int numVariables)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(numVariables);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(numVariables, 40);
        if (inner is not null && inner.Height > (1L << numVariables))
        {
            throw new ArgumentException($"a trace of {inner.Height} rows does not fit 2^{numVariables} rows", nameof(inner));
        }

        Inner = inner;
        Width = width;
        NumVariables = numVariables;
    }

    /// <summary>Wraps a real trace (takes ownership).</summary>
    public static PaddedMle<T> Of(DeviceMle<T> trace, int numVariables) => new(trace, trace.Width, numVariables);

    /// <summary>An all-zero MLE of the given width that allocates nothing.</summary>
    public static PaddedMle<T> Zeros(int width, int numVariables) => new(null, width, numVariables);

    /// <summary>The real rows, or null when every row is virtual.</summary>
    public DeviceMle<T>? Inner { get; }

    public bool IsVirtualZero => Inner is null;

    public int Width { get; }

    /// <summary>Rows actually stored; the rest up to <see cref="PaddedHeight"/> read as zero.</summary>
    public int Height => Inner?.Height ?? 0;

    public int NumVariables { get; }

    public long PaddedHeight => 1L << NumVariables;

    /// <summary>Row-major copy of the first <paramref name="rows"/> rows, virtual zeros included.</summary>
    public T[] ToHostRowMajor(int rows)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(rows, PaddedHeight);
        var result = new T[(long)rows * Width];
        if (Inner is not null)
        {
            var stored = Inner.ToHostRowMajor();
            var copied = Math.Min(rows, Height) * Width;
            stored.AsSpan(0, copied).CopyTo(result);
        }

        return result;
    }

    public void Dispose() => Inner?.Dispose();
}
