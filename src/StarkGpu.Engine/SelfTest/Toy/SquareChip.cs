using System.Runtime.InteropServices;
using CommunityToolkit.HighPerformance;
using StarkGpu.Device;
using StarkGpu.Engine.Air;
using StarkGpu.Engine.Chips;
using StarkGpu.Fields;
using StarkGpu.Kernels.Counting;
using StarkGpu.Kernels.Host;

namespace StarkGpu.Engine.SelfTest.Toy;

/// <summary>Rows (x, x^2, is_real); range-checks x as a byte and publishes (x, x^2). Has a device kernel.</summary>
public sealed class SquareChip : Chip<ToyRecord, ToyProgram>
{
    public const int X = 0;
    public const int Y = 1;
    public const int IsReal = 2;

    public override string Name => "Square";

    public override int Width => SquareRow.Width;

    public override bool SupportsDeviceMainTracegen => true;

    public override void Eval<TExpr>(IAirBuilder<TExpr> builder)
    {
        var x = builder.Local(X);
        var y = builder.Local(Y);
        var isReal = builder.Local(IsReal);
        builder.AssertBool("is_real is boolean", isReal);
        builder.When(isReal).AssertEqual("y = x^2", y, x * x);
        builder.Send(ToyBuses.Byte, [x], isReal);
        builder.Send(ToyBuses.Squares, [x, y], isReal);
    }

    public override bool Included(ToyRecord record) => record.Squares.Count > 0;

    public override int MainHeight(ToyRecord record) => record.Squares.Count;

    public override void GenerateMainTrace(ToyRecord record, Span2D<KoalaBear> rows)
    {
        var counters = default(NoCounters);
        if (!rows.TryGetSpan(out var cells))
        {
            throw new ArgumentException("the trace rows must be contiguous", nameof(rows));
        }

        HostRows.WriteRowMajor<SquareRow, uint, NoCounters>(CollectionsMarshal.AsSpan(record.Squares), cells, ref counters);
    }

    public override void GenerateDeviceMainTrace(ToyRecord record, DeviceStream stream, DeviceMle<KoalaBear> output) =>
        DeviceRowWriters.Write<SquareRow, uint>(stream, record.Squares.ToArray(), output);

    /// <summary>For trace comparisons: the event behind a row.</summary>
    public static string? DescribeRow(ToyRecord record, int row) =>
        row < record.Squares.Count ? $"square of {record.Squares[row]}" : null;
}
