using System.Runtime.CompilerServices;

namespace StarkGpu.Rv32im.Events;

/// <summary>Eight 32-bit words (a digest), stored inline.</summary>
[InlineArray(Length)]
public struct DigestWords
{
    /// <summary>Number of words.</summary>
    public const int Length = 8;

    private uint _element0;
}

/// <summary>
/// A shard's public values (SP1 v3 subset). The digests are the words the guest COMMITted by the end of the
/// execution (the same in every shard of a run); the exit code is meaningful in the last shard. Unlike SP1 v3 (whose
/// MemoryProgram lives in shard 1), the memory boundary lies in the last shard, which <see cref="IsLastShard"/> names.
/// </summary>
public struct PublicValues
{
    /// <summary>Shard number (1-based).</summary>
    public uint Shard;

    /// <summary>Pc of the shard's first instruction.</summary>
    public uint StartPc;

    /// <summary>Next pc after the shard's last instruction (0 once halted).</summary>
    public uint NextPc;

    /// <summary>HALT's exit code (0 in shards before the last).</summary>
    public uint ExitCode;

    /// <summary>Words set by COMMIT (index 0..7).</summary>
    public DigestWords CommittedValueDigest;

    /// <summary>Words set by COMMIT_DEFERRED_PROOFS (index 0..7).</summary>
    public DigestWords DeferredProofsDigest;

    /// <summary>
    /// 1 in the last shard (the one that halts, whose record carries the memory boundary), 0 in the others: the
    /// boundary chips are real only where it is 1. A verifier checks it against the shard count, as it checks
    /// <see cref="Shard"/> and the pcs' chain.
    /// </summary>
    public uint IsLastShard;
}
