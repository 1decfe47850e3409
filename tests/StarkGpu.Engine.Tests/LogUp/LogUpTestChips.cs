using CommunityToolkit.HighPerformance;
using StarkGpu.Engine.Air;
using StarkGpu.Engine.Chips;
using StarkGpu.Engine.SelfTest.Toy;
using StarkGpu.Fields;

namespace StarkGpu.Engine.Tests.LogUp;

/// <summary>
/// Two columns (value, multiplicity) and three interactions: sends (v) on bus A with multiplicity m, receives
/// (v, 3) on bus A with multiplicity m, and receives (v) on bus B with multiplicity m; so the same tuple (v)
/// appears on both buses with opposite signs, which must not cancel.
/// </summary>
internal sealed class ThreeInteractionChip : Chip<ToyRecord, ToyProgram>
{
    public static readonly Bus BusA = new("a", 21, BusScope.LocalToShard);
    public static readonly Bus BusB = new("b", 22, BusScope.Global);

    public override string Name => "Three";

    public override int Width => 2;

    public override bool Included(ToyRecord record) => false;

    public override int MainHeight(ToyRecord record) => 0;

    public override void GenerateMainTrace(ToyRecord record, Span2D<KoalaBear> rows)
    {
    }

    public override void Eval<TExpr>(IAirBuilder<TExpr> builder)
    {
        var value = builder.Local(0);
        var multiplicity = builder.Local(1);
        builder.Send(BusA, [value], multiplicity);
        builder.Receive(BusA, [value, TExpr.FromInt(3)], multiplicity);
        builder.Receive(BusB, [value], multiplicity);
    }

    /// <summary>Rows of (value, multiplicity).</summary>
    public static HostTrace Trace(params (uint Value, uint Multiplicity)[] rows) =>
        new([.. rows.SelectMany(r => new[] { KoalaBear.FromCanonical(r.Value), KoalaBear.FromCanonical(r.Multiplicity) })], rows.Length, 2);
}

/// <summary>Sends the constant tuple (7) on every row, padding rows included: its padding rows interact.</summary>
internal sealed class PaddingSenderChip : Chip<ToyRecord, ToyProgram>
{
    public static readonly Bus Bus = new("constant", 23, BusScope.LocalToShard);

    public override string Name => "PaddingSender";

    public override int Width => 1;

    public override bool Included(ToyRecord record) => false;

    public override int MainHeight(ToyRecord record) => 0;

    public override void GenerateMainTrace(ToyRecord record, Span2D<KoalaBear> rows)
    {
    }

    public override void Eval<TExpr>(IAirBuilder<TExpr> builder) => builder.Send(Bus, [TExpr.FromInt(7)], TExpr.One);
}
