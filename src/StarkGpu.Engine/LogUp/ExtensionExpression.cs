using StarkGpu.Engine.Air;
using StarkGpu.Fields;

namespace StarkGpu.Engine.LogUp;

/// <summary>
/// An element of the degree-4 extension as four base-field expressions (c0 + c1 X + c2 X^2 + c3 X^3, X^4 = W):
/// how the aux constraints, which live in the extension, are written through a base-field builder. The product
/// is the one of <see cref="BinomialExtension4{TField}"/>, term by term.
/// </summary>
internal readonly record struct ExtensionExpression<TExpr>(TExpr C0, TExpr C1, TExpr C2, TExpr C3)
    where TExpr : IAirExpression<TExpr>
{
    public static ExtensionExpression<TExpr> Zero => new(TExpr.Zero, TExpr.Zero, TExpr.Zero, TExpr.Zero);

    public static ExtensionExpression<TExpr> One => FromBase(TExpr.One);

    public static ExtensionExpression<TExpr> FromBase(TExpr value) => new(value, TExpr.Zero, TExpr.Zero, TExpr.Zero);

    /// <summary>Four consecutive main columns from <paramref name="first"/>, this row or the next.</summary>
    public static ExtensionExpression<TExpr> Columns(IAirBuilder<TExpr> builder, int first, bool next) => next
        ? new(builder.Next(first), builder.Next(first + 1), builder.Next(first + 2), builder.Next(first + 3))
        : new(builder.Local(first), builder.Local(first + 1), builder.Local(first + 2), builder.Local(first + 3));

    /// <summary>Four consecutive public values from <paramref name="first"/>.</summary>
    public static ExtensionExpression<TExpr> PublicValues(IAirBuilder<TExpr> builder, int first) =>
        new(builder.PublicValue(first), builder.PublicValue(first + 1), builder.PublicValue(first + 2), builder.PublicValue(first + 3));

    public TExpr this[int index] => index switch { 0 => C0, 1 => C1, 2 => C2, _ => C3 };

    public static ExtensionExpression<TExpr> operator +(ExtensionExpression<TExpr> a, ExtensionExpression<TExpr> b) =>
        new(a.C0 + b.C0, a.C1 + b.C1, a.C2 + b.C2, a.C3 + b.C3);

    public static ExtensionExpression<TExpr> operator -(ExtensionExpression<TExpr> a, ExtensionExpression<TExpr> b) =>
        new(a.C0 - b.C0, a.C1 - b.C1, a.C2 - b.C2, a.C3 - b.C3);

    public static ExtensionExpression<TExpr> operator *(ExtensionExpression<TExpr> a, TExpr b) =>
        new(a.C0 * b, a.C1 * b, a.C2 * b, a.C3 * b);

    public static ExtensionExpression<TExpr> operator *(ExtensionExpression<TExpr> a, ExtensionExpression<TExpr> b)
    {
        var w = TExpr.FromField(KoalaBear.Ext4NonResidue);
        return new(
            (a.C0 * b.C0) + (w * ((a.C1 * b.C3) + (a.C2 * b.C2) + (a.C3 * b.C1))),
            (a.C0 * b.C1) + (a.C1 * b.C0) + (w * ((a.C2 * b.C3) + (a.C3 * b.C2))),
            (a.C0 * b.C2) + (a.C1 * b.C1) + (a.C2 * b.C0) + (w * (a.C3 * b.C3)),
            (a.C0 * b.C3) + (a.C1 * b.C2) + (a.C2 * b.C1) + (a.C3 * b.C0));
    }
}
