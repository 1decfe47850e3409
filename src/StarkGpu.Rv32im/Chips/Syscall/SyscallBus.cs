using StarkGpu.Engine.Air;
using StarkGpu.Fields;
using StarkGpu.Rv32im.Events;

namespace StarkGpu.Rv32im.Chips.Syscall;

/// <summary>
/// The tuple of <see cref="Rv32imBuses.Syscall"/>: (shard, clk, syscall_id, arg1, arg2), each word one element
/// reduced mod p, built in one place so that the Cpu chip's sends and the Syscall chip's receive agree.
/// </summary>
public static class SyscallBus
{
    /// <summary>Elements of one tuple.</summary>
    public const int TupleLength = 5;

    /// <summary>The Syscall chip takes a syscall off the bus, <paramref name="multiplicity"/> times.</summary>
    public static void Receive<TExpr>(IAirBuilder<TExpr> builder, TExpr shard, TExpr clk, TExpr syscallId, TExpr arg1, TExpr arg2, TExpr multiplicity)
        where TExpr : IAirExpression<TExpr>
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Receive(Rv32imBuses.Syscall, [shard, clk, syscallId, arg1, arg2], multiplicity);
    }

    /// <summary>The Cpu chip puts the syscall of an ECALL row on the bus, <paramref name="multiplicity"/> times.</summary>
    public static void Send<TExpr>(IAirBuilder<TExpr> builder, TExpr shard, TExpr clk, TExpr syscallId, TExpr arg1, TExpr arg2, TExpr multiplicity)
        where TExpr : IAirExpression<TExpr>
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Send(Rv32imBuses.Syscall, [shard, clk, syscallId, arg1, arg2], multiplicity);
    }

    /// <summary>
    /// Writes the tuple of <paramref name="syscall"/> into the first <see cref="TupleLength"/> elements of
    /// <paramref name="destination"/>, in bus order (which is also <see cref="SyscallColumns"/>' order).
    /// </summary>
    public static void Write(in SyscallEvent syscall, Span<KoalaBear> destination)
    {
        destination[SyscallColumns.Shard] = KoalaBear.FromCanonical(syscall.Shard);
        destination[SyscallColumns.Clk] = KoalaBear.FromCanonical(syscall.Clk);
        destination[SyscallColumns.SyscallId] = KoalaBear.FromCanonical(syscall.SyscallId);
        destination[SyscallColumns.Arg1] = KoalaBear.FromCanonical(syscall.Arg1);
        destination[SyscallColumns.Arg2] = KoalaBear.FromCanonical(syscall.Arg2);
    }
}
