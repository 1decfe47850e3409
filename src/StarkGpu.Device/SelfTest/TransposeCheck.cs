using StarkGpu.Device.Layout;

namespace StarkGpu.Device.SelfTest;

/// <summary>The transpose kernel against a C# transpose, on shapes that do and do not fill whole tiles.</summary>
public sealed class TransposeCheck(int rows, int cols) : SelfTestCase
{
    public override string Name => $"layout.transpose {rows}x{cols}";

    public override string Run(Accelerator accelerator, int seed)
    {
        var random = new Random(seed);
        var input = new uint[rows * cols];
        for (var i = 0; i < input.Length; i++)
        {
            input[i] = (uint)random.Next();
        }

        var stream = accelerator.DefaultStream;
        using var source = stream.Upload<uint>(input);
        using var destination = stream.Allocate<uint>(input.Length);
        stream.Fill32(destination, Poison.Word);
        DeviceTranspose.RowsToColumns(stream, source, destination, rows, cols);
        var output = destination.ToArray();

        for (var c = 0; c < cols; c++)
        {
            for (var r = 0; r < rows; r++)
            {
                var expected = input[(r * cols) + c];
                var actual = output[(c * rows) + r];
                if (actual != expected)
                {
                    throw new SelfTestFailureException($"row {r}, column {c}: expected 0x{expected:x8}, got 0x{actual:x8}");
                }
            }
        }

        return $"{input.Length:N0} elements";
    }
}
