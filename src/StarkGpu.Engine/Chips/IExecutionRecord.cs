using StarkGpu.Fields;

namespace StarkGpu.Engine.Chips;

/// <summary>The events of one shard of an execution, from which every chip generates its main trace.</summary>
public interface IExecutionRecord
{
    int ShardIndex { get; }

    /// <summary>The values the shard's proof exposes; read only after every trace of the shard is generated.</summary>
    ReadOnlySpan<KoalaBear> PublicValues { get; }
}
