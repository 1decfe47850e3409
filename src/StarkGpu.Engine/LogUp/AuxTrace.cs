using StarkGpu.Fields;

namespace StarkGpu.Engine.LogUp;

/// <summary>
/// One chip's LogUp aux trace on the host, row-major <c>[Height x Layout.Width]</c> extension elements: the
/// reference the device's aux traces are compared with.
/// </summary>
/// <remarks>
/// Rows are the chip's real rows (<see cref="Height"/>, the main or preprocessed trace's, whichever is taller);
/// the padded domain's rows past them are virtual: their batch columns are zero and their running sum is held at
/// <see cref="CumulativeSum"/> (docs/logup.md).
/// </remarks>
public sealed class AuxTrace
{
    internal AuxTrace(string chipName, AuxLayout layout, int height, BinomialExtension4<KoalaBear>[] values, BusSum[] busSums)
    {
        ChipName = chipName;
        Layout = layout;
        Height = height;
        Values = values;
        BusSums = busSums;
    }

    public string ChipName { get; }

    public AuxLayout Layout { get; }

    public int Height { get; }

    /// <summary>Row-major: cell (row, column) is at <c>row * Layout.Width + column</c>.</summary>
    public BinomialExtension4<KoalaBear>[] Values { get; }

    /// <summary>The running sum of the last row: what the chip contributes to the argument (zero for no rows).</summary>
    public BinomialExtension4<KoalaBear> CumulativeSum =>
        Height == 0 || Layout.Width == 0 ? BinomialExtension4<KoalaBear>.Zero : this[Height - 1, Layout.RunningSumColumn];

    /// <summary>The chip's contributions split by bus (by bus id), which add up to <see cref="CumulativeSum"/>.</summary>
    public IReadOnlyList<BusSum> BusSums { get; }

    public BinomialExtension4<KoalaBear> this[int row, int column] => Values[((long)row * Layout.Width) + column];
}

/// <summary>The sum of <c>m / f</c> over one bus's interactions of a chip's rows.</summary>
public readonly record struct BusSum(Air.Bus Bus, BinomialExtension4<KoalaBear> Sum);
