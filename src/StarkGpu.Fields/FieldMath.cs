namespace StarkGpu.Fields;

/// <summary>Algorithms written once over any field type.</summary>
public static class FieldMath
{
    /// <summary>x^exponent by left-to-right square-and-multiply (x^0 = 1).</summary>
    public static T Pow<T>(T x, ulong exponent) where T : struct, IField<T>
    {
        var result = T.One;
        for (var bit = 63 - (int)ulong.LeadingZeroCount(exponent | 1); bit >= 0; bit--)
        {
            result = result.Square();
            if (((exponent >> bit) & 1) != 0)
            {
                result *= x;
            }
        }

        return result;
    }

    /// <summary>x^(p-2) = x^-1 in a prime field (Fermat); throws <see cref="DivideByZeroException"/> for zero.</summary>
    public static T InverseByFermat<T>(T x) where T : struct, IPrimeField<T> =>
        x.IsZero
            ? throw new DivideByZeroException($"{typeof(T).Name}: zero has no inverse")
            : Pow(x, T.Modulus - 2UL);
}
