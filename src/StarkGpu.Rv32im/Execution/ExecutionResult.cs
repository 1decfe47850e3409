using System.Text;
using StarkGpu.Rv32im.Events;

namespace StarkGpu.Rv32im.Execution;

/// <summary>The outcome of a run that reached HALT. Disposing it disposes the shard records.</summary>
public sealed class ExecutionResult : IDisposable
{
    internal ExecutionResult(uint exitCode, ulong cycles, int shardSize, IReadOnlyList<ExecutionRecord> shards, MachineState state)
    {
        ExitCode = exitCode;
        Cycles = cycles;
        ShardCount = (int)Math.Max(1, (cycles + (ulong)shardSize - 1) / (ulong)shardSize);
        Shards = shards;
        Stdout = [.. state.Stdout];
        Stderr = [.. state.Stderr];
        PublicValuesStream = [.. state.PublicValuesStream];
        CommittedValueDigest = state.CommittedValueDigest;
        DeferredProofsDigest = state.DeferredProofsDigest;
    }

    /// <summary>HALT's a0.</summary>
    public uint ExitCode { get; }

    /// <summary>Instructions retired in constrained mode, HALT's ECALL included (unconstrained blocks excluded).</summary>
    public ulong Cycles { get; }

    /// <summary>Number of shards the run spans (also in fast mode, where no records exist).</summary>
    public int ShardCount { get; }

    /// <summary>One record per shard in recording mode, in order; empty in fast mode.</summary>
    public IReadOnlyList<ExecutionRecord> Shards { get; }

    /// <summary>Bytes written to fd 1.</summary>
    public IReadOnlyList<byte> Stdout { get; }

    /// <summary>Bytes written to fd 2.</summary>
    public IReadOnlyList<byte> Stderr { get; }

    /// <summary>Bytes written to fd 3 (the public-values stream).</summary>
    public IReadOnlyList<byte> PublicValuesStream { get; }

    /// <summary>Words set by COMMIT.</summary>
    public DigestWords CommittedValueDigest { get; }

    /// <summary>Words set by COMMIT_DEFERRED_PROOFS.</summary>
    public DigestWords DeferredProofsDigest { get; }

    /// <summary><see cref="Stdout"/> decoded as UTF-8.</summary>
    public string StdoutText => Encoding.UTF8.GetString([.. Stdout]);

    /// <inheritdoc/>
    public void Dispose()
    {
        foreach (var shard in Shards)
        {
            shard.Dispose();
        }
    }
}
