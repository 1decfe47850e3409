namespace StarkGpu.Rv32im.Events;

/// <summary>
/// Where each of a shard's <see cref="PublicValues"/> lies among <see cref="ExecutionRecord.PublicValueElements"/>,
/// the order the chips read them in through <c>IAirBuilder.PublicValue</c>.
/// </summary>
public static class PublicValueIndex
{
    /// <summary><see cref="PublicValues.Shard"/>.</summary>
    public const int Shard = 0;

    /// <summary><see cref="PublicValues.StartPc"/>.</summary>
    public const int StartPc = 1;

    /// <summary><see cref="PublicValues.NextPc"/> (0 in the shard that halts).</summary>
    public const int NextPc = 2;

    /// <summary><see cref="PublicValues.ExitCode"/>.</summary>
    public const int ExitCode = 3;

    /// <summary>The first of the <see cref="DigestWords.Length"/> words of <see cref="PublicValues.CommittedValueDigest"/>.</summary>
    public const int CommittedValueDigest = 4;

    /// <summary>The first of the <see cref="DigestWords.Length"/> words of <see cref="PublicValues.DeferredProofsDigest"/>.</summary>
    public const int DeferredProofsDigest = CommittedValueDigest + DigestWords.Length;

    /// <summary><see cref="PublicValues.IsLastShard"/>.</summary>
    public const int IsLastShard = DeferredProofsDigest + DigestWords.Length;

    /// <summary>Number of elements.</summary>
    public const int Count = IsLastShard + 1;
}
