namespace StarkGpu.Fields.Poseidon2;

/// <summary>
/// The internal (partial-round) linear layer of width-16 Poseidon2 over KoalaBear. The ecosystem uses two, which share
/// everything else (round constants, S-box, external layer): <see cref="Plonky3InternalLayer"/> and
/// <see cref="Sp1InternalLayer"/>. The caller picks one as a struct type argument, so the choice costs nothing per
/// round and the same code compiles in kernels.
/// </summary>
public interface IPoseidon2InternalLayer
{
    /// <summary>Applies the layer to the state <paramref name="s"/> in place.</summary>
    static abstract void Apply(ref Poseidon2State16 s);
}

/// <summary>The two internal layers by name, for callers that choose at run time.</summary>
public enum Poseidon2InternalLayerKind
{
    /// <summary>Plonky3's KoalaBear layer (current Plonky3): <see cref="Plonky3InternalLayer"/>.</summary>
    Plonky3,

    /// <summary>SP1's layer (the older Plonky3 DiffusionMatrixKoalaBear, Montgomery-scaled): <see cref="Sp1InternalLayer"/>.</summary>
    Sp1,
}
