using ILGPU;
using StarkGpu.Fields;
using StarkGpu.Kernels.Launch;

namespace StarkGpu.Kernels.LogUp;

/// <summary>
/// The LogUp aux trace's per-row kernels. <see cref="Fingerprints"/> evaluates a chip's compiled interactions on
/// rows of its padded domain (the next row wrapping around, rows past a trace's height zero), writing each
/// interaction's fingerprint <c>alpha - (bus + sum beta^(i+1) v_i)</c> and signed multiplicity;
/// <see cref="Combine"/> sums <c>m * (1 / f)</c> into the batch columns and the row total the scan accumulates.
/// </summary>
public static class AuxKernels
{
    /// <summary>
    /// Logical row j &lt; <c>rows.RealRows</c> is row j; row RealRows + t is <c>rows.ExtraRows[t]</c> (a padding row,
    /// evaluated so the host can check it puts nothing on a bus). Worker <c>index</c> uses scratch slots
    /// <c>[index * slotCount, (index + 1) * slotCount)</c>.
    /// </summary>
    public static void Fingerprints(
        Index1D index,
        AuxProgramView program,
        AuxRows rows,
        ArrayView<KoalaBear> scratch,
        ArrayView<BinomialExtension4<KoalaBear>> fingerprints,
        ArrayView<KoalaBear> multiplicities,
        WorkRange range)
    {
        var slotCount = (int)program.Ops.Length;
        var interactionCount = (int)(program.Interactions.Length / AuxProgramView.InteractionStride);
        var slots = scratch.SubView(index * (long)slotCount, slotCount);
        long end = range.End(index), step = range.Step;
        for (var logical = range.First(index); logical < end; logical += step)
        {
            var row = logical < rows.RealRows ? logical : rows.ExtraRows[logical - rows.RealRows];
            var next = row + 1 == rows.DomainRows ? 0 : row + 1;
            for (var i = 0; i < slotCount; i++)
            {
                slots[i] = Evaluate(program, rows, slots, i, row, next);
            }

            for (var k = 0; k < interactionCount; k++)
            {
                var at = k * AuxProgramView.InteractionStride;
                var combined = BinomialExtension4<KoalaBear>.FromBase(slots[program.Interactions[at]]);
                var first = program.Interactions[at + 3];
                var count = program.Interactions[at + 4];
                for (var v = 0; v < count; v++)
                {
                    combined += program.BetaPowers[v] * slots[program.ValueSlots[first + v]];
                }

                var multiplicity = slots[program.Interactions[at + 2]];
                var cell = (logical * interactionCount) + k;
                fingerprints[cell] = rows.Alpha - combined;
                multiplicities[cell] = program.Interactions[at + 1] > 0 ? multiplicity : -multiplicity;
            }
        }
    }

    /// <summary>
    /// Row r's batch column c (column-major <c>aux[c * rows + r]</c>) = the sum of <c>m * inverse</c> over
    /// interactions <c>[c * batchSize, (c + 1) * batchSize)</c>; <c>rowTotals[r]</c> = the sum over all of them.
    /// </summary>
    public static void Combine(
        Index1D index,
        ArrayView<BinomialExtension4<KoalaBear>> inverses,
        ArrayView<KoalaBear> multiplicities,
        int interactionCount,
        int batchSize,
        ArrayView<BinomialExtension4<KoalaBear>> aux,
        ArrayView<BinomialExtension4<KoalaBear>> rowTotals,
        WorkRange range)
    {
        var rows = rowTotals.Length;
        long end = range.End(index), step = range.Step;
        for (var row = range.First(index); row < end; row += step)
        {
            var total = BinomialExtension4<KoalaBear>.Zero;
            var column = BinomialExtension4<KoalaBear>.Zero;
            for (var k = 0; k < interactionCount; k++)
            {
                var cell = (row * interactionCount) + k;
                column += inverses[cell] * multiplicities[cell];
                if ((k + 1) % batchSize == 0 || k + 1 == interactionCount)
                {
                    aux[((k / batchSize) * rows) + row] = column;
                    total += column;
                    column = BinomialExtension4<KoalaBear>.Zero;
                }
            }

            rowTotals[row] = total;
        }
    }

    private static KoalaBear Evaluate(
        in AuxProgramView program, in AuxRows rows, ArrayView<KoalaBear> slots, int i, long row, long next)
    {
        var a = program.OperandA[i];
        return program.Ops[i] switch
        {
            AuxOp.Constant => program.Constants[a],
            AuxOp.MainLocal => rows.Main.Read(row, a),
            AuxOp.MainNext => rows.Main.Read(next, a),
            AuxOp.PreprocessedLocal => rows.Preprocessed.Read(row, a),
            AuxOp.PreprocessedNext => rows.Preprocessed.Read(next, a),
            AuxOp.Public => program.PublicValues[a],
            AuxOp.IsFirstRow => row == 0 ? KoalaBear.One : KoalaBear.Zero,
            AuxOp.IsLastRow => row == rows.DomainRows - 1 ? KoalaBear.One : KoalaBear.Zero,
            AuxOp.IsTransition => row == rows.DomainRows - 1 ? KoalaBear.Zero : KoalaBear.One,
            AuxOp.Add => slots[a] + slots[program.OperandB[i]],
            AuxOp.Subtract => slots[a] - slots[program.OperandB[i]],
            AuxOp.Multiply => slots[a] * slots[program.OperandB[i]],
            _ => -slots[a],
        };
    }
}
