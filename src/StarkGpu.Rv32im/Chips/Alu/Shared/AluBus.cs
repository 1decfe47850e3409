using StarkGpu.Engine.Air;
using StarkGpu.Rv32im.Isa;

namespace StarkGpu.Rv32im.Chips.Alu.Shared;

/// <summary>
/// The tuple of <see cref="Rv32imBuses.Alu"/>: (opcode, a0..a3, b0..b3, c0..c3), built in one place so that the
/// Cpu chip's sends and every ALU chip's receive agree on its order.
/// </summary>
public static class AluBus
{
    /// <summary>Elements of one tuple.</summary>
    public const int TupleLength = 1 + (3 * WordLimbs.Count);

    /// <summary>An ALU chip takes the operation a = b op c off the bus, <paramref name="multiplicity"/> times.</summary>
    public static void Receive<TExpr>(
        IAirBuilder<TExpr> builder, TExpr opcode, ReadOnlySpan<TExpr> a, ReadOnlySpan<TExpr> b, ReadOnlySpan<TExpr> c, TExpr multiplicity)
        where TExpr : IAirExpression<TExpr>
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Receive(Rv32imBuses.Alu, Tuple(opcode, a, b, c), multiplicity);
    }

    /// <summary>A requesting chip puts the operation a = b op c on the bus, <paramref name="multiplicity"/> times.</summary>
    public static void Send<TExpr>(
        IAirBuilder<TExpr> builder, TExpr opcode, ReadOnlySpan<TExpr> a, ReadOnlySpan<TExpr> b, ReadOnlySpan<TExpr> c, TExpr multiplicity)
        where TExpr : IAirExpression<TExpr>
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Send(Rv32imBuses.Alu, Tuple(opcode, a, b, c), multiplicity);
    }

    /// <summary>The opcode element of a tuple: <c>(uint)Opcode</c>.</summary>
    public static TExpr Opcode<TExpr>(Opcode opcode)
        where TExpr : IAirExpression<TExpr> => TExpr.FromInt((long)opcode);

    /// <summary>
    /// The opcode of a row whose operation is chosen by boolean selectors, at most one of them set:
    /// sum(selector_i * opcode_i), zero on a padding row.
    /// </summary>
    public static TExpr SelectedOpcode<TExpr>(ReadOnlySpan<TExpr> selectors, ReadOnlySpan<Opcode> opcodes)
        where TExpr : IAirExpression<TExpr>
    {
        var sum = TExpr.Zero;
        for (var i = 0; i < selectors.Length; i++)
        {
            sum += selectors[i] * Opcode<TExpr>(opcodes[i]);
        }

        return sum;
    }

    private static TExpr[] Tuple<TExpr>(TExpr opcode, ReadOnlySpan<TExpr> a, ReadOnlySpan<TExpr> b, ReadOnlySpan<TExpr> c)
        where TExpr : IAirExpression<TExpr>
    {
        var tuple = new TExpr[TupleLength];
        tuple[0] = opcode;
        a[..WordLimbs.Count].CopyTo(tuple.AsSpan(1));
        b[..WordLimbs.Count].CopyTo(tuple.AsSpan(1 + WordLimbs.Count));
        c[..WordLimbs.Count].CopyTo(tuple.AsSpan(1 + (2 * WordLimbs.Count)));
        return tuple;
    }
}
