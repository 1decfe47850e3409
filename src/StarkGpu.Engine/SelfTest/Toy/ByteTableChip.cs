using CommunityToolkit.HighPerformance;
using StarkGpu.Engine.Air;
using StarkGpu.Engine.Chips;
using StarkGpu.Fields;

namespace StarkGpu.Engine.SelfTest.Toy;

/// <summary>
/// A lookup table: the preprocessed column holds 0..255, the main column how many times the shard looked each
/// byte up, and each row receives its byte that many times.
/// </summary>
public sealed class ByteTableChip : Chip<ToyRecord, ToyProgram>
{
    public const int Rows = 256;
    public const int Multiplicity = 0;
    public const int Byte = 0;

    public override string Name => "ByteTable";

    public override int Width => 1;

    public override int PreprocessedWidth => 1;

    public override void Eval<TExpr>(IAirBuilder<TExpr> builder) =>
        builder.Receive(ToyBuses.Byte, [builder.PreprocessedLocal(Byte)], builder.Local(Multiplicity));

    public override bool Included(ToyRecord record) => record.Squares.Count > 0;

    public override int MainHeight(ToyRecord record) => Rows;

    public override void GenerateMainTrace(ToyRecord record, Span2D<KoalaBear> rows)
    {
        Span<int> counts = stackalloc int[Rows];
        foreach (var x in record.Squares)
        {
            counts[(int)x]++;
        }

        for (var b = 0; b < Rows; b++)
        {
            rows[b, Multiplicity] = KoalaBear.FromCanonical((uint)counts[b]);
        }
    }

    public override int PreprocessedHeight(ToyProgram program) => Rows;

    public override void GeneratePreprocessedTrace(ToyProgram program, Span2D<KoalaBear> rows)
    {
        for (var b = 0; b < Rows; b++)
        {
            rows[b, Byte] = KoalaBear.FromCanonical((uint)b);
        }
    }
}
