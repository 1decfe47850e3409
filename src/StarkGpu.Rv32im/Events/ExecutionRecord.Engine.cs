using StarkGpu.Engine.Chips;
using StarkGpu.Fields;

namespace StarkGpu.Rv32im.Events;

/// <summary>The record as the trace engine sees it: a shard index and public values as field elements.</summary>
public sealed partial class ExecutionRecord : IExecutionRecord
{
    /// <summary>Number of field elements in <see cref="PublicValueElements"/>.</summary>
    public const int PublicValueCount = PublicValueIndex.Count;

    int IExecutionRecord.ShardIndex => (int)Shard;

    ReadOnlySpan<KoalaBear> IExecutionRecord.PublicValues => PublicValueElements();

    /// <summary>
    /// The public values as field elements, in a fixed order (<see cref="PublicValueIndex"/>): shard, start pc,
    /// next pc, exit code, the committed digest words, the deferred-proofs digest words, the last-shard flag. Words go in whole: every value the
    /// executor produces here is below 2^31 except digest words, which are reduced mod p (their bytes
    /// are also proven by the chips that constrain them).
    /// </summary>
    public KoalaBear[] PublicValueElements()
    {
        var values = new KoalaBear[PublicValueCount];
        values[PublicValueIndex.Shard] = KoalaBear.FromCanonical(PublicValues.Shard);
        values[PublicValueIndex.StartPc] = KoalaBear.FromCanonical(PublicValues.StartPc);
        values[PublicValueIndex.NextPc] = KoalaBear.FromCanonical(PublicValues.NextPc);
        values[PublicValueIndex.ExitCode] = KoalaBear.FromCanonical(PublicValues.ExitCode);
        for (var i = 0; i < DigestWords.Length; i++)
        {
            values[PublicValueIndex.CommittedValueDigest + i] = KoalaBear.FromCanonical(PublicValues.CommittedValueDigest[i]);
            values[PublicValueIndex.DeferredProofsDigest + i] = KoalaBear.FromCanonical(PublicValues.DeferredProofsDigest[i]);
        }

        values[PublicValueIndex.IsLastShard] = KoalaBear.FromCanonical(PublicValues.IsLastShard);

        return values;
    }
}
