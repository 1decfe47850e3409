using StarkGpu.Engine.Air;
using StarkGpu.Fields;
using StarkGpu.Rv32im.Chips.Alu.Shared;
using StarkGpu.Rv32im.Chips.Cpu;
using StarkGpu.Rv32im.Isa;

namespace StarkGpu.Rv32im.Chips.ProgramTable;

/// <summary>
/// The tuple of <see cref="Rv32imBuses.Program"/>: (pc, opcode, op_a, op_b0..3, op_c0..3, imm_b, imm_c, flags),
/// operands as byte limbs (a register index is [index, 0, 0, 0]), built in one place so that the Cpu chip's sends and the Program chip's receive agree on its order and on how an
/// instruction becomes field elements.
/// </summary>
public static class ProgramBus
{
    /// <summary>Elements of one tuple.</summary>
    public const int TupleLength = 14;

    /// <summary>The Program chip takes executed instructions off the bus, <paramref name="multiplicity"/> times.</summary>
    /// <param name="tuple">The <see cref="TupleLength"/> elements, in bus order.</param>
    public static void Receive<TExpr>(IAirBuilder<TExpr> builder, ReadOnlySpan<TExpr> tuple, TExpr multiplicity)
        where TExpr : IAirExpression<TExpr>
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Receive(Rv32imBuses.Program, CheckLength(tuple), multiplicity);
    }

    /// <summary>An executing chip (Cpu) puts the instruction it ran on the bus, <paramref name="multiplicity"/> times.</summary>
    /// <param name="tuple">The <see cref="TupleLength"/> elements, in bus order.</param>
    public static void Send<TExpr>(IAirBuilder<TExpr> builder, ReadOnlySpan<TExpr> tuple, TExpr multiplicity)
        where TExpr : IAirExpression<TExpr>
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Send(Rv32imBuses.Program, CheckLength(tuple), multiplicity);
    }

    /// <summary>
    /// Writes the tuple of <paramref name="instruction"/> at <paramref name="pc"/> into the first
    /// <see cref="TupleLength"/> elements of <paramref name="destination"/>, in bus order (which is also
    /// <see cref="ProgramColumns"/>' preprocessed order). Operands b and c are written as their four bytes.
    /// </summary>
    public static void Write(uint pc, in Instruction instruction, Span<KoalaBear> destination)
    {
        destination[ProgramColumns.Pc] = KoalaBear.FromCanonical(pc);
        destination[ProgramColumns.Opcode] = KoalaBear.FromCanonical((uint)instruction.Opcode);
        destination[ProgramColumns.OpA] = KoalaBear.FromCanonical(instruction.OpA);
        for (var i = 0; i < WordLimbs.Count; i++)
        {
            destination[ProgramColumns.OpB + i] = KoalaBear.FromCanonical(WordLimbs.Byte(instruction.OpB, i));
            destination[ProgramColumns.OpC + i] = KoalaBear.FromCanonical(WordLimbs.Byte(instruction.OpC, i));
        }

        destination[ProgramColumns.ImmB] = instruction.ImmB ? KoalaBear.One : KoalaBear.Zero;
        destination[ProgramColumns.ImmC] = instruction.ImmC ? KoalaBear.One : KoalaBear.Zero;
        destination[ProgramColumns.Flags] = KoalaBear.FromCanonical((uint)InstructionClass.Of(instruction.Opcode));
    }

    private static ReadOnlySpan<TExpr> CheckLength<TExpr>(ReadOnlySpan<TExpr> tuple)
    {
        if (tuple.Length != TupleLength)
        {
            throw new ArgumentException($"a program tuple has {TupleLength} elements, not {tuple.Length}", nameof(tuple));
        }

        return tuple;
    }
}
