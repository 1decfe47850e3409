using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using static StarkGpu.Fields.Poseidon2.KoalaBearVectors;

namespace StarkGpu.Fields.Poseidon2;

/// <summary>
/// The host's fast path: <see cref="Poseidon2KoalaBear16.Permute{TLayer, TConstants}"/> on 16 states at once with
/// AVX-512F, one state per vector element (<see cref="Poseidon2Lanes16"/>). The same rounds, layers and addition
/// chains, in the same order, so it gives the scalar body's bits; tests compare the two on random states.
/// </summary>
internal static class Poseidon2Avx512
{
    public const int StatesPerBlock = 16;

    private const int BlockWords = StatesPerBlock * Poseidon2State16.Width;

    public static bool IsSupported => Avx512F.IsSupported;

    /// <summary>Permutes 16 consecutive states (256 words) in place. Requires <see cref="IsSupported"/>.</summary>
    public static void PermuteBlock<TLayer>(Span<uint> words, ReadOnlySpan<uint> constants)
        where TLayer : struct, IPoseidon2InternalLayer
    {
        var s = Load(words);
        Permute<TLayer>(ref s, constants);
        Store(ref s, words);
    }

    private static void Permute<TLayer>(ref Poseidon2Lanes16 s, ReadOnlySpan<uint> c)
        where TLayer : struct, IPoseidon2InternalLayer
    {
        ExternalLayer(ref s);
        for (var round = 0; round < 4; round++)
        {
            FullRound(ref s, c, round * 16);
        }

        for (var round = 0; round < 20; round++)
        {
            s.S0 = Cube(Add(s.S0, Vector512.Create(c[KoalaBear16RoundConstants.InternalOffset + round])));
            if (typeof(TLayer) == typeof(Sp1InternalLayer))
            {
                Sp1Layer(ref s);
            }
            else
            {
                Plonky3Layer(ref s);
            }
        }

        for (var round = 0; round < 4; round++)
        {
            FullRound(ref s, c, KoalaBear16RoundConstants.TerminalOffset + round * 16);
        }
    }

    private static void FullRound(ref Poseidon2Lanes16 s, ReadOnlySpan<uint> c, int offset)
    {
        s.S0 = Cube(Add(s.S0, Vector512.Create(c[offset + 0])));
        s.S1 = Cube(Add(s.S1, Vector512.Create(c[offset + 1])));
        s.S2 = Cube(Add(s.S2, Vector512.Create(c[offset + 2])));
        s.S3 = Cube(Add(s.S3, Vector512.Create(c[offset + 3])));
        s.S4 = Cube(Add(s.S4, Vector512.Create(c[offset + 4])));
        s.S5 = Cube(Add(s.S5, Vector512.Create(c[offset + 5])));
        s.S6 = Cube(Add(s.S6, Vector512.Create(c[offset + 6])));
        s.S7 = Cube(Add(s.S7, Vector512.Create(c[offset + 7])));
        s.S8 = Cube(Add(s.S8, Vector512.Create(c[offset + 8])));
        s.S9 = Cube(Add(s.S9, Vector512.Create(c[offset + 9])));
        s.S10 = Cube(Add(s.S10, Vector512.Create(c[offset + 10])));
        s.S11 = Cube(Add(s.S11, Vector512.Create(c[offset + 11])));
        s.S12 = Cube(Add(s.S12, Vector512.Create(c[offset + 12])));
        s.S13 = Cube(Add(s.S13, Vector512.Create(c[offset + 13])));
        s.S14 = Cube(Add(s.S14, Vector512.Create(c[offset + 14])));
        s.S15 = Cube(Add(s.S15, Vector512.Create(c[offset + 15])));
        ExternalLayer(ref s);
    }

    private static void ExternalLayer(ref Poseidon2Lanes16 s)
    {
        M4(ref s.S0, ref s.S1, ref s.S2, ref s.S3);
        M4(ref s.S4, ref s.S5, ref s.S6, ref s.S7);
        M4(ref s.S8, ref s.S9, ref s.S10, ref s.S11);
        M4(ref s.S12, ref s.S13, ref s.S14, ref s.S15);

        var sum0 = Add(Add(s.S0, s.S4), Add(s.S8, s.S12));
        var sum1 = Add(Add(s.S1, s.S5), Add(s.S9, s.S13));
        var sum2 = Add(Add(s.S2, s.S6), Add(s.S10, s.S14));
        var sum3 = Add(Add(s.S3, s.S7), Add(s.S11, s.S15));
        s.S0 = Add(s.S0, sum0);
        s.S1 = Add(s.S1, sum1);
        s.S2 = Add(s.S2, sum2);
        s.S3 = Add(s.S3, sum3);
        s.S4 = Add(s.S4, sum0);
        s.S5 = Add(s.S5, sum1);
        s.S6 = Add(s.S6, sum2);
        s.S7 = Add(s.S7, sum3);
        s.S8 = Add(s.S8, sum0);
        s.S9 = Add(s.S9, sum1);
        s.S10 = Add(s.S10, sum2);
        s.S11 = Add(s.S11, sum3);
        s.S12 = Add(s.S12, sum0);
        s.S13 = Add(s.S13, sum1);
        s.S14 = Add(s.S14, sum2);
        s.S15 = Add(s.S15, sum3);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void M4(ref Vector512<uint> x0, ref Vector512<uint> x1, ref Vector512<uint> x2, ref Vector512<uint> x3)
    {
        var t01 = Add(x0, x1);
        var t23 = Add(x2, x3);
        var t0123 = Add(t01, t23);
        var t01123 = Add(t0123, x1);
        var t01233 = Add(t0123, x3);
        var y3 = Add(t01233, Double(x0));
        var y1 = Add(t01123, Double(x2));
        x0 = Add(t01123, t01);
        x1 = y1;
        x2 = Add(t01233, t23);
        x3 = y3;
    }

    /// <summary><see cref="Plonky3InternalLayer.Apply"/>, lane for lane.</summary>
    private static void Plonky3Layer(ref Poseidon2Lanes16 s)
    {
        var sum = Sum(ref s);
        s.S0 = Subtract(sum, Double(s.S0));
        s.S1 = Add(sum, s.S1);
        s.S2 = Add(sum, Double(s.S2));
        s.S3 = Add(sum, Multiply(s.S3, 0x00ffffffu));
        s.S4 = Add(sum, Add(Double(s.S4), s.S4));
        s.S5 = Add(sum, Double(Double(s.S5)));
        s.S6 = Add(sum, Multiply(s.S6, 0x7e000002u));
        s.S7 = Subtract(sum, Add(Double(s.S7), s.S7));
        s.S8 = Subtract(sum, Double(Double(s.S8)));
        s.S9 = Add(sum, Multiply(s.S9, 0x01000000u));
        s.S10 = Add(sum, Multiply(s.S10, 0x20000000u));
        s.S11 = Add(sum, Multiply(s.S11, 0x00000100u));
        s.S12 = Add(sum, Multiply(s.S12, 0x7e000001u));
        s.S13 = Add(sum, Multiply(s.S13, 0x5f000001u));
        s.S14 = Add(sum, Multiply(s.S14, 0x6f000001u));
        s.S15 = Add(sum, Multiply(s.S15, 0x7effff01u));
    }

    /// <summary><see cref="Sp1InternalLayer.Apply"/>, lane for lane.</summary>
    private static void Sp1Layer(ref Poseidon2Lanes16 s)
    {
        var sum = Multiply(Sum(ref s), 1u);
        s.S0 = Add(sum, Multiply(s.S0, 0x7f000001u - 2));
        s.S1 = Add(sum, Multiply(s.S1, 1u));
        s.S2 = Add(sum, Multiply(s.S2, 2u));
        s.S3 = Add(sum, Multiply(s.S3, 4u));
        s.S4 = Add(sum, Multiply(s.S4, 8u));
        s.S5 = Add(sum, Multiply(s.S5, 16u));
        s.S6 = Add(sum, Multiply(s.S6, 32u));
        s.S7 = Add(sum, Multiply(s.S7, 64u));
        s.S8 = Add(sum, Multiply(s.S8, 128u));
        s.S9 = Add(sum, Multiply(s.S9, 256u));
        s.S10 = Add(sum, Multiply(s.S10, 512u));
        s.S11 = Add(sum, Multiply(s.S11, 1024u));
        s.S12 = Add(sum, Multiply(s.S12, 2048u));
        s.S13 = Add(sum, Multiply(s.S13, 4096u));
        s.S14 = Add(sum, Multiply(s.S14, 8192u));
        s.S15 = Add(sum, Multiply(s.S15, 32768u));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<uint> Sum(ref Poseidon2Lanes16 s)
    {
        var a = Add(Add(s.S0, s.S1), Add(s.S2, s.S3));
        var b = Add(Add(s.S4, s.S5), Add(s.S6, s.S7));
        var c = Add(Add(s.S8, s.S9), Add(s.S10, s.S11));
        var d = Add(Add(s.S12, s.S13), Add(s.S14, s.S15));
        return Add(Add(a, b), Add(c, d));
    }

    /// <summary>
    /// Lane k of the 16 states: words k, 16 + k, ..., 240 + k, transposed through a 256-word block element by element
    /// (.NET exposes no AVX-512 gather): 256 loads and stores per 16 permutations of about 600 vector multiplies.
    /// </summary>
    private static Poseidon2Lanes16 Load(Span<uint> words)
    {
        if (words.Length < BlockWords)
        {
            throw new ArgumentException($"a block has {BlockWords} words", nameof(words));
        }

        Span<uint> lanes = stackalloc uint[BlockWords];
        for (var state = 0; state < StatesPerBlock; state++)
        {
            for (var k = 0; k < Poseidon2State16.Width; k++)
            {
                lanes[(k * StatesPerBlock) + state] = words[(state * Poseidon2State16.Width) + k];
            }
        }

        return new Poseidon2Lanes16
        {
            S0 = Vector512.Create<uint>(lanes[0..]),
            S1 = Vector512.Create<uint>(lanes[16..]),
            S2 = Vector512.Create<uint>(lanes[32..]),
            S3 = Vector512.Create<uint>(lanes[48..]),
            S4 = Vector512.Create<uint>(lanes[64..]),
            S5 = Vector512.Create<uint>(lanes[80..]),
            S6 = Vector512.Create<uint>(lanes[96..]),
            S7 = Vector512.Create<uint>(lanes[112..]),
            S8 = Vector512.Create<uint>(lanes[128..]),
            S9 = Vector512.Create<uint>(lanes[144..]),
            S10 = Vector512.Create<uint>(lanes[160..]),
            S11 = Vector512.Create<uint>(lanes[176..]),
            S12 = Vector512.Create<uint>(lanes[192..]),
            S13 = Vector512.Create<uint>(lanes[208..]),
            S14 = Vector512.Create<uint>(lanes[224..]),
            S15 = Vector512.Create<uint>(lanes[240..]),
        };
    }

    /// <summary>Writes the lanes back as 16 consecutive states: through a 256-word block, element by element.</summary>
    private static void Store(ref Poseidon2Lanes16 s, Span<uint> words)
    {
        Span<uint> lanes = stackalloc uint[BlockWords];
        s.S0.CopyTo(lanes[0..]);
        s.S1.CopyTo(lanes[16..]);
        s.S2.CopyTo(lanes[32..]);
        s.S3.CopyTo(lanes[48..]);
        s.S4.CopyTo(lanes[64..]);
        s.S5.CopyTo(lanes[80..]);
        s.S6.CopyTo(lanes[96..]);
        s.S7.CopyTo(lanes[112..]);
        s.S8.CopyTo(lanes[128..]);
        s.S9.CopyTo(lanes[144..]);
        s.S10.CopyTo(lanes[160..]);
        s.S11.CopyTo(lanes[176..]);
        s.S12.CopyTo(lanes[192..]);
        s.S13.CopyTo(lanes[208..]);
        s.S14.CopyTo(lanes[224..]);
        s.S15.CopyTo(lanes[240..]);
        for (var state = 0; state < StatesPerBlock; state++)
        {
            for (var k = 0; k < Poseidon2State16.Width; k++)
            {
                words[(state * Poseidon2State16.Width) + k] = lanes[(k * StatesPerBlock) + state];
            }
        }
    }
}
