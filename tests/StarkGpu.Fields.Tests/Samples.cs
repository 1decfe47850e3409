using StarkGpu.Fields;

namespace StarkGpu.Fields.Tests;

/// <summary>Seeded field elements: the edge values first, then uniform ones.</summary>
internal static class Samples
{
    public const int Count = 2000;

    public static TField[] PrimeElements<TField>(int seed, int count = Count) where TField : unmanaged, IPrimeField<TField>
    {
        var random = new Random(seed);
        var p = TField.Modulus;
        uint[] edges = [0, 1, 2, p - 1, p - 2, (p - 1) / 2, (p + 1) / 2];
        var values = new TField[count];
        for (var i = 0; i < count; i++)
        {
            values[i] = TField.FromCanonical(i < edges.Length ? edges[i] : (uint)random.NextInt64(p));
        }

        return values;
    }

    public static BinomialExtension4<TField> Extension<TField>(Random random) where TField : unmanaged, IPrimeField<TField>
    {
        var p = TField.Modulus;
        return new(
            TField.FromCanonical((uint)random.NextInt64(p)),
            TField.FromCanonical((uint)random.NextInt64(p)),
            TField.FromCanonical((uint)random.NextInt64(p)),
            TField.FromCanonical((uint)random.NextInt64(p)));
    }
}
