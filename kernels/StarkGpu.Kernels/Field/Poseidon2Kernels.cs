using ILGPU;
using StarkGpu.Fields.Poseidon2;
using StarkGpu.Kernels.Launch;

namespace StarkGpu.Kernels.Field;

/// <summary>
/// Poseidon2 over KoalaBear, width 16, on many states: the host's permutation body
/// (<see cref="Poseidon2KoalaBear16.Permute{TLayer, TConstants}"/>) with its round constants read from a device
/// buffer, since kernels may not hold static tables. <c>range</c> covers the states.
/// </summary>
public static class Poseidon2Kernels
{
    /// <summary>
    /// States [i * 16, i * 16 + 16) of <paramref name="output"/> = Poseidon2 of those of <paramref name="input"/>, with
    /// the internal layer <typeparamref name="TLayer"/>; output may alias input (each state is read whole before it
    /// is written). The views hold Montgomery words (KoalaBear's bits). <paramref name="roundConstants"/> holds
    /// <see cref="Poseidon2KoalaBear16.RoundConstantWords"/>.
    /// </summary>
    /// <remarks>
    /// Word views rather than views of <see cref="Poseidon2State16"/>: casting a view to a 64-byte element drops an
    /// offset of its start that is not a multiple of 64 bytes (ILGPU converts the index by division), and device
    /// buffers start up to 63 bytes into their block.
    /// </remarks>
    public static void Permute<TLayer>(
        Index1D index, ArrayView<uint> input, ArrayView<uint> output, ArrayView<uint> roundConstants, WorkRange range)
        where TLayer : struct, IPoseidon2InternalLayer
    {
        var constants = new DeviceRoundConstants(roundConstants);
        // Bounds in locals: the CPU accelerator runs this IL as it is, and the JIT does not hoist them.
        long end = range.End(index), step = range.Step;
        for (var i = range.First(index); i < end; i += step)
        {
            var state = Load(input, i * Poseidon2State16.Width);
            Poseidon2KoalaBear16.Permute<TLayer, DeviceRoundConstants>(ref state, constants);
            Store(output, i * Poseidon2State16.Width, ref state);
        }
    }

    private static Poseidon2State16 Load(ArrayView<uint> words, long first) => new()
    {
        S0 = words[first], S1 = words[first + 1], S2 = words[first + 2], S3 = words[first + 3],
        S4 = words[first + 4], S5 = words[first + 5], S6 = words[first + 6], S7 = words[first + 7],
        S8 = words[first + 8], S9 = words[first + 9], S10 = words[first + 10], S11 = words[first + 11],
        S12 = words[first + 12], S13 = words[first + 13], S14 = words[first + 14], S15 = words[first + 15],
    };

    private static void Store(ArrayView<uint> words, long first, ref Poseidon2State16 s)
    {
        words[first] = s.S0;
        words[first + 1] = s.S1;
        words[first + 2] = s.S2;
        words[first + 3] = s.S3;
        words[first + 4] = s.S4;
        words[first + 5] = s.S5;
        words[first + 6] = s.S6;
        words[first + 7] = s.S7;
        words[first + 8] = s.S8;
        words[first + 9] = s.S9;
        words[first + 10] = s.S10;
        words[first + 11] = s.S11;
        words[first + 12] = s.S12;
        words[first + 13] = s.S13;
        words[first + 14] = s.S14;
        words[first + 15] = s.S15;
    }
}

/// <summary>The permutation's round constants from a device buffer of Montgomery words.</summary>
public readonly struct DeviceRoundConstants : IPoseidon2RoundConstants
{
    private readonly ArrayView<uint> _words;

    public DeviceRoundConstants(ArrayView<uint> words) => _words = words;

    public uint Word(int index) => _words[index];
}
