namespace StarkGpu.Fields;

/// <summary>Inverts many field elements with one field inversion (Montgomery's trick).</summary>
public static class BatchInverse
{
    /// <summary>
    /// Writes 1 / input[i] to output[i] for every i; a zero input maps to zero explicitly (it is left
    /// out of the running product rather than poisoning it). Allocates nothing: output holds the
    /// prefix products on the way. <paramref name="input"/> and <paramref name="output"/> must have
    /// the same length and must not overlap.
    /// </summary>
    public static void Invert<T>(ReadOnlySpan<T> input, Span<T> output) where T : struct, IField<T>
    {
        if (input.Length != output.Length)
        {
            throw new ArgumentException($"output has {output.Length} elements, input {input.Length}", nameof(output));
        }

        if (input.Overlaps(output))
        {
            throw new ArgumentException("input and output must not overlap: output holds prefix products while input is still read", nameof(output));
        }

        // Forward: output[i] = product of the non-zero inputs before i.
        var product = T.One;
        for (var i = 0; i < input.Length; i++)
        {
            output[i] = product;
            if (!input[i].IsZero)
            {
                product *= input[i];
            }
        }

        // Backward: inverse holds 1 / (product of the non-zero inputs before i + 1).
        var inverse = product.Inverse();
        for (var i = input.Length - 1; i >= 0; i--)
        {
            var x = input[i];
            if (x.IsZero)
            {
                output[i] = T.Zero;
                continue;
            }

            output[i] = inverse * output[i];
            inverse *= x;
        }
    }
}
