using CommunityToolkit.HighPerformance;
using StarkGpu.Device;
using StarkGpu.Fields;

namespace StarkGpu.Engine.Chips;

/// <summary>
/// A trace in host memory, row-major <c>[Height x Width]</c>: what host trace generation writes and what the
/// constraint checker reads. Height and width are explicit so that zero-width and zero-height traces are exact.
/// </summary>
public sealed class HostTrace
{
    public HostTrace(KoalaBear[] values, int height, int width)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentOutOfRangeException.ThrowIfNegative(height);
        ArgumentOutOfRangeException.ThrowIfNegative(width);
        if (values.LongLength != (long)height * width)
        {
            throw new ArgumentException($"{values.LongLength} values do not make a {height} x {width} trace", nameof(values));
        }

        Values = values;
        Height = height;
        Width = width;
    }

    /// <summary>Row-major: cell (row, column) is at <c>row * Width + column</c>.</summary>
    public KoalaBear[] Values { get; }

    public int Height { get; }

    public int Width { get; }

    public KoalaBear this[int row, int column] => Values[((long)row * Width) + column];

    /// <summary>A zero-filled trace.</summary>
    public static HostTrace Zeros(int height, int width) => new(new KoalaBear[(long)height * width], height, width);

    /// <summary>A copy of a device trace (column-major there), transposed to row-major.</summary>
    public static HostTrace FromDevice(DeviceMle<KoalaBear> trace)
    {
        ArgumentNullException.ThrowIfNull(trace);
        return new HostTrace(trace.ToHostRowMajor(), trace.Height, trace.Width);
    }

    public Span2D<KoalaBear> AsSpan2D() => new(Values, Height, Width);

    public ReadOnlySpan<KoalaBear> Row(int row) => Values.AsSpan(row * Width, Width);
}
