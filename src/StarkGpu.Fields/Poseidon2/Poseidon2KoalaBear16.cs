using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using static StarkGpu.Fields.Poseidon2.KoalaBearWords;

namespace StarkGpu.Fields.Poseidon2;

/// <summary>
/// The Poseidon2 permutation over KoalaBear, width 16, S-box x^3: the external layer, 4 full rounds (add 16
/// constants, cube every lane, external layer), 20 partial rounds (add a constant to lane 0, cube it, internal
/// layer), 4 full rounds. The external layer is Plonky3's: M4 = [[2,3,1,1],[1,2,3,1],[1,1,2,3],[3,1,1,2]] on each
/// 4-lane chunk, then lane i gains the sum of the lanes congruent to i mod 4 (the matrix circ(2 M4, M4, M4, M4)).
/// The internal layer is the caller's choice (<see cref="Plonky3InternalLayer"/> or <see cref="Sp1InternalLayer"/>).
/// </summary>
/// <remarks>
/// <see cref="Permute{TLayer, TConstants}"/> is the portable body: the host runs it with constants from an array,
/// the kernel (kernels/StarkGpu.Kernels/Field/Poseidon2Kernels.cs) with constants from a device buffer, so host and
/// device agree by construction. Kernel rules apply to it: no arrays, spans, exceptions or allocation. On the host,
/// <see cref="PermuteAll{TLayer}(Span{KoalaBear})"/> runs whole blocks of 16 states through its AVX-512 twin
/// (<see cref="Poseidon2Avx512"/>, the same operations in the same order, about 10x faster); tests compare the two.
/// </remarks>
public static class Poseidon2KoalaBear16
{
    public const int Width = Poseidon2State16.Width;

    /// <summary>Round constants: 4 x 16 initial external, 20 internal, 4 x 16 terminal external.</summary>
    public const int RoundConstantCount = KoalaBear16RoundConstants.Count;

    private const int FullRounds = 4;
    private const int PartialRounds = 20;

    private static readonly uint[] s_roundConstantWords = MontgomeryWords(KoalaBear16RoundConstants.Canonical);

    /// <summary>The round constants as canonical values (Plonky3's and SP1's, shared by both layers).</summary>
    public static ReadOnlySpan<uint> RoundConstantValues => KoalaBear16RoundConstants.Canonical;

    /// <summary>The round constants as Montgomery words, as <see cref="IPoseidon2RoundConstants"/> serves them.</summary>
    public static ReadOnlySpan<uint> RoundConstantWords => s_roundConstantWords;

    /// <summary>The host's source of round constants.</summary>
    public static HostRoundConstants HostConstants => new(s_roundConstantWords);

    /// <summary>Permutes one state of 16 elements in place with the internal layer <typeparamref name="TLayer"/>.</summary>
    public static void Permute<TLayer>(Span<KoalaBear> state) where TLayer : struct, IPoseidon2InternalLayer
    {
        if (state.Length != Width)
        {
            throw new ArgumentException($"a state has {Width} elements, not {state.Length}", nameof(state));
        }

        PermuteAll<TLayer>(state);
    }

    /// <summary>
    /// Permutes each of the consecutive 16-element states of <paramref name="states"/> in place (its length a
    /// multiple of 16) with the internal layer <typeparamref name="TLayer"/>: 16 states at a time with AVX-512 where
    /// the machine has it (<see cref="Poseidon2Avx512"/>), the rest with the portable body.
    /// </summary>
    public static void PermuteAll<TLayer>(Span<KoalaBear> states) where TLayer : struct, IPoseidon2InternalLayer
    {
        CheckWholeStates(states);
        var done = 0;
        if (Poseidon2Avx512.IsSupported)
        {
            var words = MemoryMarshal.Cast<KoalaBear, uint>(states);
            const int blockWords = Poseidon2Avx512.StatesPerBlock * Width;
            for (; done + blockWords <= words.Length; done += blockWords)
            {
                Poseidon2Avx512.PermuteBlock<TLayer>(words.Slice(done, blockWords), s_roundConstantWords);
            }
        }

        PermuteAllPortable<TLayer>(states[done..]);
    }

    /// <summary>
    /// <see cref="PermuteAll{TLayer}(Span{KoalaBear})"/> one state at a time with the portable body, the code the
    /// kernels run: for machines without AVX-512, and to compare the paths.
    /// </summary>
    public static void PermuteAllPortable<TLayer>(Span<KoalaBear> states) where TLayer : struct, IPoseidon2InternalLayer
    {
        CheckWholeStates(states);
        var constants = HostConstants;
        foreach (ref var state in MemoryMarshal.Cast<KoalaBear, Poseidon2State16>(states))
        {
            Permute<TLayer, HostRoundConstants>(ref state, constants);
        }
    }

    /// <summary>Permutes 16-element states in place with the internal layer named by <paramref name="layer"/>.</summary>
    public static void PermuteAll(Span<KoalaBear> states, Poseidon2InternalLayerKind layer)
    {
        switch (layer)
        {
            case Poseidon2InternalLayerKind.Plonky3:
                PermuteAll<Plonky3InternalLayer>(states);
                break;
            case Poseidon2InternalLayerKind.Sp1:
                PermuteAll<Sp1InternalLayer>(states);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(layer), layer, "unknown internal layer");
        }
    }

    /// <summary>The permutation of one state, with constants from <paramref name="constants"/>: host and kernels.</summary>
    /// <remarks>
    /// Not inlined, and neither are its rounds and layers: the JIT's inlining budget is per method, and one method
    /// holding every round ran out of it, leaving field additions as calls (3x slower). Each part is its own root,
    /// with its lane arithmetic inlined.
    /// </remarks>
    public static void Permute<TLayer, TConstants>(ref Poseidon2State16 state, TConstants constants)
        where TLayer : struct, IPoseidon2InternalLayer
        where TConstants : struct, IPoseidon2RoundConstants
    {
        ExternalLayer(ref state);
        for (var round = 0; round < FullRounds; round++)
        {
            FullRound(ref state, constants, round * Width);
        }

        for (var round = 0; round < PartialRounds; round++)
        {
            state.S0 = Cube(Add(state.S0, constants.Word(KoalaBear16RoundConstants.InternalOffset + round)));
            TLayer.Apply(ref state);
        }

        for (var round = 0; round < FullRounds; round++)
        {
            FullRound(ref state, constants, KoalaBear16RoundConstants.TerminalOffset + round * Width);
        }
    }

    private static void FullRound<TConstants>(ref Poseidon2State16 s, TConstants c, int offset)
        where TConstants : struct, IPoseidon2RoundConstants
    {
        s.S0 = Cube(Add(s.S0, c.Word(offset)));
        s.S1 = Cube(Add(s.S1, c.Word(offset + 1)));
        s.S2 = Cube(Add(s.S2, c.Word(offset + 2)));
        s.S3 = Cube(Add(s.S3, c.Word(offset + 3)));
        s.S4 = Cube(Add(s.S4, c.Word(offset + 4)));
        s.S5 = Cube(Add(s.S5, c.Word(offset + 5)));
        s.S6 = Cube(Add(s.S6, c.Word(offset + 6)));
        s.S7 = Cube(Add(s.S7, c.Word(offset + 7)));
        s.S8 = Cube(Add(s.S8, c.Word(offset + 8)));
        s.S9 = Cube(Add(s.S9, c.Word(offset + 9)));
        s.S10 = Cube(Add(s.S10, c.Word(offset + 10)));
        s.S11 = Cube(Add(s.S11, c.Word(offset + 11)));
        s.S12 = Cube(Add(s.S12, c.Word(offset + 12)));
        s.S13 = Cube(Add(s.S13, c.Word(offset + 13)));
        s.S14 = Cube(Add(s.S14, c.Word(offset + 14)));
        s.S15 = Cube(Add(s.S15, c.Word(offset + 15)));
        ExternalLayer(ref s);
    }

    /// <summary>M4 on each chunk of 4 lanes, then lane i += the sum of the lanes j with j = i mod 4.</summary>
    private static void ExternalLayer(ref Poseidon2State16 s)
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

    /// <summary>
    /// [[2,3,1,1],[1,2,3,1],[1,1,2,3],[3,1,1,2]] times (x0, x1, x2, x3) in 8 additions and 2 doublings (Plonky3's
    /// apply_mat4 chain).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void M4(ref uint x0, ref uint x1, ref uint x2, ref uint x3)
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

    private static void CheckWholeStates(Span<KoalaBear> states)
    {
        if (states.Length % Width != 0)
        {
            throw new ArgumentException($"{states.Length} elements are not whole states of {Width}", nameof(states));
        }
    }

    private static uint[] MontgomeryWords(ReadOnlySpan<uint> canonical)
    {
        var words = new uint[canonical.Length];
        for (var i = 0; i < canonical.Length; i++)
        {
            words[i] = FromCanonical(canonical[i]);
        }

        return words;
    }
}
