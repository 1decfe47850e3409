using StarkGpu.Fields;
using StarkGpu.Fields.Poseidon2;

namespace StarkGpu.Benchmarks.Poseidon2;

/// <summary>
/// The yardstick: Poseidon2 (KoalaBear, width 16, Plonky3's internal layer) written the plain way, canonical values
/// in ulong and a % after every product, loops over arrays. What a first C# port would look like.
/// </summary>
internal static class ScalarPoseidon2
{
    private const ulong P = 0x7f000001;

    // Plonky3's internal diagonal as canonical values (shared/reference/poseidon2-koalabear-w16.json).
    private static readonly ulong[] s_diagonal =
    [
        2130706431, 1, 2, 1065353217, 3, 4, 1065353216, 2130706430, 2130706429, 2122383361, 1864368129, 2130706306,
        8323072, 266338304, 133169152, 127,
    ];

    private static readonly ulong[] s_constants = Poseidon2KoalaBear16.RoundConstantValues.ToArray().Select(x => (ulong)x).ToArray();

    public static void PermuteAll(ulong[] states)
    {
        Span<ulong> scratch = stackalloc ulong[16];
        for (var offset = 0; offset < states.Length; offset += 16)
        {
            Permute(states.AsSpan(offset, 16), scratch);
        }
    }

    private static void Permute(Span<ulong> s, Span<ulong> scratch)
    {
        External(s, scratch);
        var c = 0;
        for (var round = 0; round < 4; round++)
        {
            for (var i = 0; i < 16; i++)
            {
                s[i] = Cube((s[i] + s_constants[c++]) % P);
            }

            External(s, scratch);
        }

        for (var round = 0; round < 20; round++)
        {
            s[0] = Cube((s[0] + s_constants[c++]) % P);
            ulong sum = 0;
            for (var i = 0; i < 16; i++)
            {
                sum += s[i];
            }

            sum %= P;
            for (var i = 0; i < 16; i++)
            {
                s[i] = (sum + s_diagonal[i] * s[i]) % P;
            }
        }

        for (var round = 0; round < 4; round++)
        {
            for (var i = 0; i < 16; i++)
            {
                s[i] = Cube((s[i] + s_constants[c++]) % P);
            }

            External(s, scratch);
        }
    }

    private static ulong Cube(ulong x) => x * x % P * x % P;

    private static void External(Span<ulong> s, Span<ulong> t)
    {
        for (var chunk = 0; chunk < 16; chunk += 4)
        {
            ulong x0 = s[chunk], x1 = s[chunk + 1], x2 = s[chunk + 2], x3 = s[chunk + 3];
            t[chunk] = (2 * x0 + 3 * x1 + x2 + x3) % P;
            t[chunk + 1] = (x0 + 2 * x1 + 3 * x2 + x3) % P;
            t[chunk + 2] = (x0 + x1 + 2 * x2 + 3 * x3) % P;
            t[chunk + 3] = (3 * x0 + x1 + x2 + 2 * x3) % P;
        }

        for (var i = 0; i < 16; i++)
        {
            var k = i % 4;
            s[i] = (t[i] + t[k] + t[k + 4] + t[k + 8] + t[k + 12]) % P;
        }
    }

    /// <summary>Checks the yardstick against the library once, so the benchmark compares equal work.</summary>
    public static void RequireAgreement()
    {
        var random = new Random(1);
        var values = Enumerable.Range(0, 32).Select(_ => (ulong)random.NextInt64((long)P)).ToArray();
        var elements = values.Select(v => KoalaBear.FromCanonical((uint)v)).ToArray();
        PermuteAll(values);
        Poseidon2KoalaBear16.PermuteAll<Plonky3InternalLayer>(elements);
        if (!values.SequenceEqual(elements.Select(e => (ulong)e.Canonical)))
        {
            throw new InvalidOperationException("the scalar reference disagrees with Poseidon2KoalaBear16");
        }
    }
}
