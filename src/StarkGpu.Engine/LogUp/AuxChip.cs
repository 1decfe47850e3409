using CommunityToolkit.HighPerformance;
using StarkGpu.Engine.Air;
using StarkGpu.Engine.Chips;

namespace StarkGpu.Engine.LogUp;

/// <summary>
/// A chip's LogUp aux constraints, as a chip whose main trace is the inner chip's columns followed by its aux
/// columns (each extension column as four base columns): so the builder expresses them, the constraint checker
/// verifies them and a <see cref="Air.Symbolic.SymbolicAirBuilder"/> records them for a prover. Public values:
/// the machine's, then alpha (4), beta (4), then this chip's cumulative sum (4) at <c>cumulativeSumAt</c>.
/// </summary>
/// <remarks>
/// Constraints, each coordinate of the extension separately: for batch column j holding interactions K,
/// <c>col_j * prod_K f_k = sum_K m_k prod_{K \ k} f_l</c> (every row: on a zero row both sides vanish); the running
/// sum s starts as the row's batch total on the first row, adds the next row's total on every transition, and
/// equals the cumulative sum on the last row of the padded domain (so the aux columns are materialised to it,
/// docs/logup.md).
/// </remarks>
public sealed class AuxChip<TRecord, TProgram>(Chip<TRecord, TProgram> inner, AuxLayout layout, int challengesAt, int cumulativeSumAt)
    : Chip<TRecord, TProgram>
    where TRecord : IExecutionRecord
{
    public override string Name => inner.Name;

    public override int Width => inner.Width + (4 * layout.Width);

    public override int PreprocessedWidth => inner.PreprocessedWidth;

    public override bool Included(TRecord record) => inner.Included(record);

    public override int MainHeight(TRecord record) => inner.MainHeight(record);

    public override void GenerateMainTrace(TRecord record, Span2D<Fields.KoalaBear> rows) =>
        throw new NotSupportedException("an aux chip's trace is assembled from a main trace and its aux trace");

    public override void Eval<TExpr>(IAirBuilder<TExpr> builder)
    {
        var capture = new InteractionCapture<TExpr>(builder);
        inner.Eval(capture);
        var interactions = capture.Interactions;
        var alpha = ExtensionExpression<TExpr>.PublicValues(builder, challengesAt);
        var beta = ExtensionExpression<TExpr>.PublicValues(builder, challengesAt + 4);
        var fingerprints = interactions.Select(i => Fingerprint(alpha, beta, i)).ToArray();

        var total = ExtensionExpression<TExpr>.Zero;
        var nextTotal = ExtensionExpression<TExpr>.Zero;
        for (var j = 0; j < layout.BatchColumns; j++)
        {
            var column = AuxColumn(builder, j, next: false);
            total += column;
            nextTotal += AuxColumn(builder, j, next: true);
            var first = j * layout.BatchSize;
            var count = Math.Min(layout.BatchSize, interactions.Count - first);
            var product = ExtensionExpression<TExpr>.One;
            var numerator = ExtensionExpression<TExpr>.Zero;
            for (var k = first; k < first + count; k++)
            {
                // numerator * f_k + m_k * (product so far) keeps sum m_i prod_{l != i} f_l over the batch's prefix.
                numerator = (numerator * fingerprints[k]) + (product * interactions[k].SignedMultiplicity);
                product *= fingerprints[k];
            }

            AssertExtensionZero(builder, $"logup batch column {j}", (column * product) - numerator, TExpr.One);
        }

        var running = AuxColumn(builder, layout.RunningSumColumn, next: false);
        var runningNext = AuxColumn(builder, layout.RunningSumColumn, next: true);
        AssertExtensionZero(builder, "logup running sum starts with the first row", running - total, builder.IsFirstRow);
        AssertExtensionZero(builder, "logup running sum adds each row", runningNext - running - nextTotal, builder.IsTransition);
        AssertExtensionZero(
            builder, "logup running sum ends at the cumulative sum", running - ExtensionExpression<TExpr>.PublicValues(builder, cumulativeSumAt), builder.IsLastRow);
    }

    private ExtensionExpression<TExpr> AuxColumn<TExpr>(IAirBuilder<TExpr> builder, int column, bool next) where TExpr : IAirExpression<TExpr> =>
        ExtensionExpression<TExpr>.Columns(builder, inner.Width + (4 * column), next);

    // alpha - (bus + sum_i beta^(i+1) v_i), as HostAuxTraces computes it.
    private static ExtensionExpression<TExpr> Fingerprint<TExpr>(
        ExtensionExpression<TExpr> alpha, ExtensionExpression<TExpr> beta, CapturedInteraction<TExpr> interaction) where TExpr : IAirExpression<TExpr>
    {
        var combined = ExtensionExpression<TExpr>.FromBase(TExpr.FromInt(interaction.Bus.Id));
        var power = beta;
        foreach (var value in interaction.Values)
        {
            combined += power * value;
            power *= beta;
        }

        return alpha - combined;
    }

    private static void AssertExtensionZero<TExpr>(IAirBuilder<TExpr> builder, string label, ExtensionExpression<TExpr> value, TExpr condition)
        where TExpr : IAirExpression<TExpr>
    {
        for (var d = 0; d < 4; d++)
        {
            builder.AssertZero($"{label} [{d}]", condition * value[d]);
        }
    }
}
