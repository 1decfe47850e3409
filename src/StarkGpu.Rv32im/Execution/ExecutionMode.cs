namespace StarkGpu.Rv32im.Execution;

/// <summary>What the executor produces besides the program's effects.</summary>
public enum ExecutionMode
{
    /// <summary>No events: exit code, output, cycle count only.</summary>
    Fast,

    /// <summary>One <see cref="Events.ExecutionRecord"/> of events per shard.</summary>
    Recording,
}
