namespace StarkGpu.Engine.LogUp;

/// <summary>
/// An interaction's fingerprint is zero, so its <c>m / f</c> does not exist: the challenges hit a root of the
/// tuple's polynomial (probability about 2^-120 for honest challenges), or the tuple was chosen against them.
/// </summary>
public sealed class ZeroFingerprintException(string chipName, long row, int interaction)
    : LogUpException($"chip {chipName}: interaction #{interaction} has a zero fingerprint on row {row}")
{
    public string ChipName { get; } = chipName;

    public long Row { get; } = row;

    /// <summary>The interaction's index in the chip's declaration order.</summary>
    public int Interaction { get; } = interaction;
}
