using ILGPU;
using StarkGpu.Fields;
using StarkGpu.Kernels.Field;
using StarkGpu.Kernels.Launch;

namespace StarkGpu.Kernels.LogUp;

/// <summary>
/// Kernels over the degree-4 extension that the LogUp aux traces need: a chunked batch inversion that reports
/// zeros, and the three launches of a portable inclusive prefix sum (chunk sums, their exclusive scan, then each
/// chunk from its offset). Field addition is exact, so the scan equals a sequential one bit for bit whatever the
/// chunking; the CPU accelerator runs the same code (ILGPU.Algorithms' scan is far too slow there).
/// </summary>
public static class ExtensionKernels
{
    /// <summary>
    /// output[i] = 1 / input[i] by one Montgomery trick per chunk of <paramref name="elementsPerChunk"/>; a zero
    /// input yields zero and lowers <c>firstZero[0]</c> to its index (the caller starts it at long.MaxValue).
    /// </summary>
    public static void BatchInvert<TField>(
        Index1D index, ArrayView<BinomialExtension4<TField>> input, ArrayView<BinomialExtension4<TField>> output, long elementsPerChunk,
        ArrayView<long> firstZero, WorkRange range)
        where TField : unmanaged, IPrimeField<TField>
    {
        var length = input.Length;
        // Bounds in locals: the CPU accelerator runs this IL as it is, and the JIT does not hoist them.
        long lastChunk = range.End(index), step = range.Step;
        for (var chunk = range.First(index); chunk < lastChunk; chunk += step)
        {
            var start = chunk * elementsPerChunk;
            var end = start + elementsPerChunk < length ? start + elementsPerChunk : length;
            var product = BinomialExtension4<TField>.One;
            for (var i = start; i < end; i++)
            {
                var x = input[i];
                if (x.IsZero)
                {
                    Atomic.Min(ref firstZero[0], i);
                }
                else
                {
                    product *= x;
                }

                output[i] = product;
            }

            var inverse = InverseOf(product);
            for (var i = end - 1; i >= start; i--)
            {
                var x = input[i];
                if (x.IsZero)
                {
                    output[i] = BinomialExtension4<TField>.Zero;
                    continue;
                }

                var before = i > start ? output[i - 1] : BinomialExtension4<TField>.One;
                output[i] = inverse * before;
                inverse *= x;
            }
        }
    }

    /// <summary>sums[c] = the sum of input's chunk c (chunks of <paramref name="chunk"/>); <c>range</c> covers the chunks.</summary>
    public static void ChunkSums<TField>(
        Index1D index, ArrayView<BinomialExtension4<TField>> input, ArrayView<BinomialExtension4<TField>> sums, long chunk, WorkRange range)
        where TField : unmanaged, IPrimeField<TField>
    {
        var length = input.Length;
        long last = range.End(index), step = range.Step;
        for (var c = range.First(index); c < last; c += step)
        {
            var start = c * chunk;
            var end = start + chunk < length ? start + chunk : length;
            var sum = BinomialExtension4<TField>.Zero;
            for (var i = start; i < end; i++)
            {
                sum += input[i];
            }

            sums[c] = sum;
        }
    }

    /// <summary>
    /// Replaces the chunk sums by their exclusive prefix sums, in one work item: there are few chunks (length /
    /// chunk), so a sequential pass costs less than another level of launches.
    /// </summary>
    public static void ExclusiveScanInPlace<TField>(Index1D index, ArrayView<BinomialExtension4<TField>> sums)
        where TField : unmanaged, IPrimeField<TField>
    {
        if (index != 0)
        {
            return;
        }

        var running = BinomialExtension4<TField>.Zero;
        for (var i = 0L; i < sums.Length; i++)
        {
            var value = sums[i];
            sums[i] = running;
            running += value;
        }
    }

    /// <summary>output[i] = offsets[c] + input[chunk start .. i] for i in chunk c: the inclusive prefix sum.</summary>
    public static void ScanChunks<TField>(
        Index1D index, ArrayView<BinomialExtension4<TField>> input, ArrayView<BinomialExtension4<TField>> offsets,
        ArrayView<BinomialExtension4<TField>> output, long chunk, WorkRange range)
        where TField : unmanaged, IPrimeField<TField>
    {
        var length = input.Length;
        long last = range.End(index), step = range.Step;
        for (var c = range.First(index); c < last; c += step)
        {
            var start = c * chunk;
            var end = start + chunk < length ? start + chunk : length;
            var running = offsets[c];
            for (var i = start; i < end; i++)
            {
                running += input[i];
                output[i] = running;
            }
        }
    }

    /// <summary>
    /// The inverse of a non-zero element (zero maps to zero), as <see cref="BinomialExtension4{TField}.Inverse"/>
    /// computes it but without its exception and with the norm inverted by a fixed exponentiation, so it compiles
    /// in kernels.
    /// </summary>
    public static BinomialExtension4<TField> InverseOf<TField>(BinomialExtension4<TField> a)
        where TField : unmanaged, IPrimeField<TField>
    {
        var w = TField.Ext4NonResidue;
        TField a0 = a.C0, a1 = a.C1, a2 = a.C2, a3 = a.C3;
        var a1a3 = a1 * a3;
        var a0a2 = a0 * a2;
        var b0 = (a0 * a0) + (w * (a2 * a2)) - (w * (a1a3 + a1a3));
        var b1 = a0a2 + a0a2 - (a1 * a1) - (w * (a3 * a3));
        var norm = (b0 * b0) - (w * (b1 * b1));
        var normInverse = FieldKernels.PowOf(norm, TField.Modulus - 2UL);
        var e0 = b0 * normInverse;
        var e1 = -(b1 * normInverse);
        return new(
            (a0 * e0) + (w * (a2 * e1)),
            -((a1 * e0) + (w * (a3 * e1))),
            (a0 * e1) + (a2 * e0),
            -((a1 * e1) + (a3 * e0)));
    }
}
