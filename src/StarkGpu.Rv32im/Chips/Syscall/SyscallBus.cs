using StarkGpu.Engine.Air;
using StarkGpu.Fields;
using StarkGpu.Rv32im.Events;

namespace StarkGpu.Rv32im.Chips.Syscall;

/// <summary>
/// The tuple of <see cref="Rv32imBuses.Syscall"/>: (shard, clk, syscall_id, arg1, arg2, pc, next_pc, result), each word one element
/// reduced mod p, built in one place so that the Cpu chip's sends and the Syscall chip's receive agree.
/// </summary>
public static class SyscallBus
{
    /// <summary>Elements of one tuple.</summary>
    public const int TupleLength = 8;

    /// <summary>The Syscall chip takes a syscall off the bus, <paramref name="multiplicity"/> times.</summary>
    public static void Receive<TExpr>(IAirBuilder<TExpr> builder, TExpr[] tuple, TExpr multiplicity)
        where TExpr : IAirExpression<TExpr>
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentOutOfRangeException.ThrowIfNotEqual(tuple.Length, TupleLength, nameof(tuple));
        builder.Receive(Rv32imBuses.Syscall, tuple, multiplicity);
    }

    /// <summary>The Cpu chip puts the syscall of an ECALL row on the bus, <paramref name="multiplicity"/> times.</summary>
    public static void Send<TExpr>(IAirBuilder<TExpr> builder, TExpr[] tuple, TExpr multiplicity)
        where TExpr : IAirExpression<TExpr>
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentOutOfRangeException.ThrowIfNotEqual(tuple.Length, TupleLength, nameof(tuple));
        builder.Send(Rv32imBuses.Syscall, tuple, multiplicity);
    }

    /// <summary>The tuple's elements as the first <see cref="TupleLength"/> columns of a row (the Syscall chip's layout).</summary>
    public static TExpr[] Columns<TExpr>(IAirBuilder<TExpr> builder)
        where TExpr : IAirExpression<TExpr>
    {
        ArgumentNullException.ThrowIfNull(builder);
        var tuple = new TExpr[TupleLength];
        for (var i = 0; i < tuple.Length; i++)
        {
            tuple[i] = builder.Local(i);
        }

        return tuple;
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
        destination[SyscallColumns.Pc] = KoalaBear.FromCanonical(syscall.Pc);
        destination[SyscallColumns.NextPc] = KoalaBear.FromCanonical(syscall.NextPc);
        destination[SyscallColumns.Result] = KoalaBear.FromCanonical(syscall.Result); // a word, reduced mod p like the Cpu's
    }
}
