using CommunityToolkit.HighPerformance;
using StarkGpu.Engine.Air;
using StarkGpu.Engine.Chips;
using StarkGpu.Engine.SelfTest.Toy;
using StarkGpu.Fields;

namespace StarkGpu.Engine.Tests.Checking;

/// <summary>A one-column chip whose traces the checker tests write by hand.</summary>
internal abstract class HandWrittenChip(string name) : Chip<ToyRecord, ToyProgram>
{
    public override string Name => name;

    public override int Width => 1;

    public override bool Included(ToyRecord record) => false;

    public override int MainHeight(ToyRecord record) => 0;

    public override void GenerateMainTrace(ToyRecord record, Span2D<KoalaBear> rows)
    {
    }

    public static HostTrace Trace(params uint[] column) => new([.. column.Select(KoalaBear.FromCanonical)], column.Length, 1);
}

/// <summary>The last row of the padded domain must equal row 0: its next row, wrapping around.</summary>
internal sealed class CycleChip() : HandWrittenChip("Cycle")
{
    public override void Eval<TExpr>(IAirBuilder<TExpr> builder) =>
        builder.When(builder.IsLastRow).AssertEqual("last row wraps to row 0", builder.Next(0), builder.Local(0));
}

/// <summary>Broken on purpose: a zero row fails its constraint and sends a tuple.</summary>
internal sealed class NotZeroSafeChip() : HandWrittenChip("NotZeroSafe")
{
    public static readonly Bus Bus = new("constant", 9, BusScope.LocalToShard);

    public override void Eval<TExpr>(IAirBuilder<TExpr> builder)
    {
        builder.AssertOne("always one", builder.Local(0));
        builder.Send(Bus, [TExpr.FromInt(7)], TExpr.One);
    }
}

/// <summary>Row 0 holds public value 1 and sends public value 0 times its cell: public values by index.</summary>
internal sealed class PublicStartChip() : HandWrittenChip("PublicStart")
{
    public static readonly Bus Bus = new("public", 10, BusScope.LocalToShard);

    public override void Eval<TExpr>(IAirBuilder<TExpr> builder)
    {
        builder.When(builder.IsFirstRow).AssertEqual("first row is public value 1", builder.Local(0), builder.PublicValue(1));

        // Public values in a tuple, too: the send cancels nothing, so it shows in the report with their values (and
        // zero rows send nothing).
        builder.Send(Bus, [builder.PublicValue(0) * builder.Local(0)], builder.IsFirstRow * builder.Local(0));
    }
}
