using StarkGpu.Engine.Air;
using StarkGpu.Fields;
using static StarkGpu.Rv32im.Chips.Syscall.SyscallColumns;

namespace StarkGpu.Rv32im.Chips.Syscall;

/// <summary>
/// is_x = is_real * [syscall_id == code] by an inverse column: is_x = is_real - (id - code) * inverse and
/// (id - code) * is_x = 0, so a different id forces is_x to 0 and the code makes it is_real.
/// </summary>
internal static class SyscallIdTest
{
    public static TExpr Eval<TExpr>(IAirBuilder<TExpr> builder, string name, TExpr isReal, TExpr syscallId, uint code, int column, int inverse)
        where TExpr : IAirExpression<TExpr>
    {
        var isX = builder.Local(column);
        var difference = syscallId - TExpr.FromInt(code);
        builder.AssertEqual($"{name} = is_real - (syscall_id - {code}) * inverse", isX, isReal - (difference * builder.Local(inverse)));
        builder.AssertZero($"{name} only for syscall id {code}", difference * isX);
        return isX;
    }

    /// <summary>Writes is_x and its inverse for a row whose id and is_real are written.</summary>
    public static void Write(Span<KoalaBear> row, KoalaBear id, uint code, int column, int inverse)
    {
        var difference = id - KoalaBear.FromCanonical(code);
        row[column] = difference.IsZero ? row[IsReal] : KoalaBear.Zero;
        row[inverse] = difference.IsZero ? KoalaBear.Zero : difference.Inverse();
    }
}
