using StarkGpu.Fields;
using StarkGpu.Kernels.Traces;

namespace StarkGpu.Rv32im.Tests.Chips.RowWriters;

/// <summary>
/// A row sink that remembers how often each column was set (and any column outside the row), so a test can prove
/// a writer sets every cell: a device trace is not cleared before its kernel runs.
/// </summary>
public struct CellRecordingRow(int width) : ITraceRow
{
    /// <summary>Times each column was set since <see cref="Clear"/>.</summary>
    public int[] Sets { get; } = new int[width];

    /// <summary>Columns set outside 0..width-1.</summary>
    public int OutOfRow { get; private set; }

    public readonly void Clear() => Array.Clear(Sets);

    public void SetCanonical(int column, uint value) => Record(column);

    public void SetByte(int column, uint value)
    {
        Assert.That(value, Is.LessThanOrEqualTo(256u), () => $"SetByte of column {column} with {value}");
        Record(column);
    }

    public void SetBool(int column, bool value) => Record(column);

    public void SetField(int column, KoalaBear value) => Record(column);

    private void Record(int column)
    {
        if ((uint)column < (uint)Sets.Length)
        {
            Sets[column]++;
        }
        else
        {
            OutOfRow++;
        }
    }
}
