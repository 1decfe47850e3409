using ILGPU;
using StarkGpu.Fields;
using StarkGpu.Kernels.Launch;

namespace StarkGpu.Kernels.Field;

/// <summary>
/// Batch inversion by chunks: output[i] = 1 / input[i], zero mapping to zero. Each chunk of
/// <c>elementsPerChunk</c> elements is one work item of <c>range</c> and pays one Fermat inversion (Montgomery's
/// trick: prefix products forward into <c>output</c>, one inverse, then back). Input and output must not overlap.
/// </summary>
public static class BatchInverseKernels
{
    public static void Invert<TField>(
        Index1D index, ArrayView<TField> input, ArrayView<TField> output, long elementsPerChunk, WorkRange range)
        where TField : unmanaged, IPrimeField<TField>
    {
        var length = input.Length;
        // Bounds in locals: the CPU accelerator runs this IL as it is, and the JIT does not hoist them.
        long lastChunk = range.End(index), step = range.Step;
        for (var chunk = range.First(index); chunk < lastChunk; chunk += step)
        {
            var start = chunk * elementsPerChunk;
            var end = start + elementsPerChunk < length ? start + elementsPerChunk : length;

            // Forward: output[i] = product of the non-zero inputs of [start, i] (zeros are skipped, stay zero).
            var product = TField.One;
            for (var i = start; i < end; i++)
            {
                var x = input[i];
                if (!x.IsZero)
                {
                    product *= x;
                }

                output[i] = product;
            }

            // inverse = 1 / (product of the non-zero inputs of [start, i]) as i walks back.
            var inverse = FieldKernels.PowOf(product, TField.Modulus - 2UL);
            for (var i = end - 1; i >= start; i--)
            {
                var x = input[i];
                if (x.IsZero)
                {
                    output[i] = TField.Zero;
                    continue;
                }

                var before = i > start ? output[i - 1] : TField.One;
                output[i] = inverse * before;
                inverse *= x;
            }
        }
    }
}
