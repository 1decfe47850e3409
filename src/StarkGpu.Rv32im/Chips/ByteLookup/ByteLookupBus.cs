using StarkGpu.Engine.Air;

namespace StarkGpu.Rv32im.Chips.ByteLookup;

/// <summary>The tuple of <see cref="Rv32imBuses.Byte"/>, (byte_opcode, a, b, c), for the chips that send lookups.</summary>
public static class ByteLookupBus
{
    /// <summary>Looks up (op, a, b, c): a must be op(b, c) and b, c bytes, or the bus does not balance.</summary>
    public static void Send<TExpr>(IAirBuilder<TExpr> builder, TExpr opcode, TExpr a, TExpr b, TExpr c, TExpr multiplicity)
        where TExpr : IAirExpression<TExpr>
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Send(Rv32imBuses.Byte, [opcode, a, b, c], multiplicity);
    }

    /// <inheritdoc cref="Send{TExpr}(IAirBuilder{TExpr}, TExpr, TExpr, TExpr, TExpr, TExpr)"/>
    public static void Send<TExpr>(IAirBuilder<TExpr> builder, ByteOpcode opcode, TExpr a, TExpr b, TExpr c, TExpr multiplicity)
        where TExpr : IAirExpression<TExpr> =>
        Send(builder, Opcode<TExpr>(opcode), a, b, c, multiplicity);

    /// <summary>Proves that b and c are bytes.</summary>
    public static void SendRange<TExpr>(IAirBuilder<TExpr> builder, TExpr b, TExpr c, TExpr multiplicity)
        where TExpr : IAirExpression<TExpr> =>
        Send(builder, ByteOpcode.U8Range, TExpr.Zero, b, c, multiplicity);

    /// <summary>The opcode element of a tuple.</summary>
    public static TExpr Opcode<TExpr>(ByteOpcode opcode)
        where TExpr : IAirExpression<TExpr> => TExpr.FromInt((long)opcode);
}
