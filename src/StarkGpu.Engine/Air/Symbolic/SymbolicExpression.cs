using System.Text;
using StarkGpu.Fields;

namespace StarkGpu.Engine.Air.Symbolic;

/// <summary>
/// An immutable expression tree over trace cells, selectors and constants, with its degree as a polynomial in the
/// trace columns. Built by running a chip's constraints on a <see cref="SymbolicAirBuilder"/>. Constants fold as
/// the tree is built (adding zero or multiplying by one adds no node), so degrees are those of the simplified
/// expression.
/// </summary>
public sealed class SymbolicExpression : IAirExpression<SymbolicExpression>
{
    private static readonly SymbolicExpression ZeroConstant = new(SymbolicExpressionKind.Constant, default, KoalaBear.Zero, null, null, 0);
    private static readonly SymbolicExpression OneConstant = new(SymbolicExpressionKind.Constant, default, KoalaBear.One, null, null, 0);

    private SymbolicExpression(
        SymbolicExpressionKind kind, SymbolicVariable variable, KoalaBear constant, SymbolicExpression? left, SymbolicExpression? right, int degree)
    {
        Kind = kind;
        Variable = variable;
        Constant = constant;
        Left = left;
        Right = right;
        Degree = degree;
    }

    public SymbolicExpressionKind Kind { get; }

    /// <summary>The cell, for <see cref="SymbolicExpressionKind.Variable"/>.</summary>
    public SymbolicVariable Variable { get; }

    /// <summary>The value, for <see cref="SymbolicExpressionKind.Constant"/>.</summary>
    public KoalaBear Constant { get; }

    /// <summary>The operand of a unary node, or the left operand of a binary one.</summary>
    public SymbolicExpression? Left { get; }

    public SymbolicExpression? Right { get; }

    /// <summary>
    /// Degree in the trace cells. Cells count one, public values zero (constants of the proof); as in Plonky3, the first- and last-row selectors count one and the
    /// transition selector zero (a prover divides by the vanishing polynomial with that row removed).
    /// </summary>
    public int Degree { get; }

    public bool IsConstant => Kind == SymbolicExpressionKind.Constant;

    public static SymbolicExpression Zero => ZeroConstant;

    public static SymbolicExpression One => OneConstant;

    public static SymbolicExpression IsFirstRow { get; } = new(SymbolicExpressionKind.IsFirstRow, default, default, null, null, 1);

    public static SymbolicExpression IsLastRow { get; } = new(SymbolicExpressionKind.IsLastRow, default, default, null, null, 1);

    public static SymbolicExpression IsTransition { get; } = new(SymbolicExpressionKind.IsTransition, default, default, null, null, 0);

    public static SymbolicExpression FromField(KoalaBear value) =>
        value.IsZero ? ZeroConstant : value == KoalaBear.One ? OneConstant : new(SymbolicExpressionKind.Constant, default, value, null, null, 0);

    public static SymbolicExpression FromInt(long value) => FromField(KoalaBear.FromSigned(value));

    public static SymbolicExpression Of(SymbolicVariable variable) => new(SymbolicExpressionKind.Variable, variable, default, null, null, variable.Degree);

    public static SymbolicExpression operator +(SymbolicExpression left, SymbolicExpression right)
    {
        if (left.IsConstant && right.IsConstant)
        {
            return FromField(left.Constant + right.Constant);
        }

        if (IsZeroConstant(left))
        {
            return right;
        }

        return IsZeroConstant(right) ? left : Binary(SymbolicExpressionKind.Add, left, right, Math.Max(left.Degree, right.Degree));
    }

    public static SymbolicExpression operator -(SymbolicExpression left, SymbolicExpression right)
    {
        if (left.IsConstant && right.IsConstant)
        {
            return FromField(left.Constant - right.Constant);
        }

        if (IsZeroConstant(right))
        {
            return left;
        }

        return IsZeroConstant(left) ? -right : Binary(SymbolicExpressionKind.Subtract, left, right, Math.Max(left.Degree, right.Degree));
    }

    public static SymbolicExpression operator *(SymbolicExpression left, SymbolicExpression right)
    {
        if (left.IsConstant && right.IsConstant)
        {
            return FromField(left.Constant * right.Constant);
        }

        if (IsZeroConstant(left) || IsZeroConstant(right))
        {
            return ZeroConstant;
        }

        if (IsOneConstant(left))
        {
            return right;
        }

        return IsOneConstant(right) ? left : Binary(SymbolicExpressionKind.Multiply, left, right, left.Degree + right.Degree);
    }

    public static SymbolicExpression operator -(SymbolicExpression value) =>
        value.IsConstant ? FromField(-value.Constant) : new(SymbolicExpressionKind.Negate, default, default, value, null, value.Degree);

    /// <summary>
    /// The distinct cells and public values the expression reads, sorted (main, preprocessed, public; local before
    /// next; by column).
    /// </summary>
    public IReadOnlyList<SymbolicVariable> Variables()
    {
        var found = new SortedSet<SymbolicVariable>();
        var pending = new Stack<SymbolicExpression>();
        pending.Push(this);
        while (pending.Count > 0)
        {
            var node = pending.Pop();
            if (node.Kind == SymbolicExpressionKind.Variable)
            {
                found.Add(node.Variable);
            }

            if (node.Left is not null)
            {
                pending.Push(node.Left);
            }

            if (node.Right is not null)
            {
                pending.Push(node.Right);
            }
        }

        return [.. found];
    }

    public override string ToString()
    {
        var text = new StringBuilder();
        Write(text);
        return text.ToString();
    }

    private void Write(StringBuilder text)
    {
        switch (Kind)
        {
            case SymbolicExpressionKind.Constant:
                text.Append(Constant.ToString());
                break;
            case SymbolicExpressionKind.Variable:
                text.Append(Variable.ToString());
                break;
            case SymbolicExpressionKind.IsFirstRow:
                text.Append("is_first_row");
                break;
            case SymbolicExpressionKind.IsLastRow:
                text.Append("is_last_row");
                break;
            case SymbolicExpressionKind.IsTransition:
                text.Append("is_transition");
                break;
            case SymbolicExpressionKind.Negate:
                text.Append("-(");
                Left!.Write(text);
                text.Append(')');
                break;
            default:
                text.Append('(');
                Left!.Write(text);
                text.Append(Kind switch
                {
                    SymbolicExpressionKind.Add => " + ",
                    SymbolicExpressionKind.Subtract => " - ",
                    _ => " * ",
                });
                Right!.Write(text);
                text.Append(')');
                break;
        }
    }

    private static SymbolicExpression Binary(SymbolicExpressionKind kind, SymbolicExpression left, SymbolicExpression right, int degree) =>
        new(kind, default, default, left, right, degree);

    private static bool IsZeroConstant(SymbolicExpression e) => e.IsConstant && e.Constant.IsZero;

    private static bool IsOneConstant(SymbolicExpression e) => e.IsConstant && e.Constant == KoalaBear.One;
}
