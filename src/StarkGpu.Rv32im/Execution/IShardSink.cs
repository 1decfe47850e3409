using StarkGpu.Rv32im.Events;

namespace StarkGpu.Rv32im.Execution;

/// <summary>Where the <see cref="ShardRecorder"/> hands each shard's record once the shard has closed.</summary>
internal interface IShardSink
{
    /// <summary>
    /// Called before the recorder opens the record of <paramref name="shard"/>: a streaming sink blocks here while
    /// its pipeline is full (the executor waits), and throws when the consumer has gone.
    /// </summary>
    void WaitForRoom(uint shard);

    /// <summary>Takes a closed record; the sink (or whoever it hands it to) disposes it.</summary>
    void Emit(ExecutionRecord record);
}
