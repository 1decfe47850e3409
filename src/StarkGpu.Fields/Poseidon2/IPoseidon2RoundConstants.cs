namespace StarkGpu.Fields.Poseidon2;

/// <summary>
/// Where the permutation reads its 148 round constants (Montgomery words, in the order of
/// <see cref="Poseidon2KoalaBear16.RoundConstantWords"/>): a host array, or a device buffer inside a kernel, where
/// static tables are not allowed. A struct type argument, so each source is its own specialised copy of the rounds.
/// </summary>
public interface IPoseidon2RoundConstants
{
    /// <summary>The Montgomery word of round constant <paramref name="index"/>, 0 &lt;= index &lt; 148.</summary>
    uint Word(int index);
}

/// <summary>The round constants from a host array (the permutation's host path).</summary>
public readonly struct HostRoundConstants : IPoseidon2RoundConstants
{
    private readonly uint[] _words;

    internal HostRoundConstants(uint[] words) => _words = words;

    public uint Word(int index) => _words[index];
}
