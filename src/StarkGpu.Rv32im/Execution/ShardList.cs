using StarkGpu.Rv32im.Events;

namespace StarkGpu.Rv32im.Execution;

/// <summary>The batch sink: keeps every record until the run's <see cref="ExecutionResult"/> is disposed.</summary>
internal sealed class ShardList : IShardSink
{
    private readonly List<ExecutionRecord> _records = [];

    public IReadOnlyList<ExecutionRecord> Records => _records;

    public void WaitForRoom(uint shard)
    {
    }

    public void Emit(ExecutionRecord record) => _records.Add(record);

    public void DisposeAll()
    {
        foreach (var record in _records)
        {
            record.Dispose();
        }

        _records.Clear();
    }
}
