using StarkGpu.Device;
using StarkGpu.Fields;

namespace StarkGpu.Engine.Scheduling;

/// <summary>
/// The main traces of one shard, on the device. Owns their memory and the prover permit: disposing
/// frees the one and releases the other.
/// </summary>
public sealed class MainTraceData : IDisposable
{
    private readonly IDisposable _memory;

    internal MainTraceData(
        IReadOnlyDictionary<string, PaddedMle<KoalaBear>> traces,
        KoalaBear[] publicValues,
        IReadOnlyList<string> shardChips,
        IReadOnlyList<ChipTraceReport> reports,
        ProverPermit permit,
        IDisposable memory)
    {
        Traces = traces;
        PublicValues = publicValues;
        ShardChips = shardChips;
        Reports = reports;
        Permit = permit;
        _memory = memory;
    }

    /// <summary>Chip name to padded MLE, for every chip of the shard's cluster (ordinal order); chips not in the record are virtual zeros.</summary>
    public IReadOnlyDictionary<string, PaddedMle<KoalaBear>> Traces { get; }

    /// <summary>Read after every trace was generated.</summary>
    public KoalaBear[] PublicValues { get; }

    /// <summary>The chips of the smallest cluster containing the record's chips, in order.</summary>
    public IReadOnlyList<string> ShardChips { get; }

    /// <summary>Per generated chip: rows, width, backend and time (virtual zero MLEs are not listed).</summary>
    public IReadOnlyList<ChipTraceReport> Reports { get; }

    public ProverPermit Permit { get; }

    public void Dispose()
    {
        _memory.Dispose();
        Permit.Dispose();
    }
}

/// <summary>The preprocessed traces of a program, on the device; owns their memory and its permit.</summary>
public sealed class PreprocessedTraceData : IDisposable
{
    private readonly IDisposable _memory;

    internal PreprocessedTraceData(IReadOnlyDictionary<string, PaddedMle<KoalaBear>> traces, IReadOnlyList<ChipTraceReport> reports, ProverPermit permit, IDisposable memory)
    {
        Traces = traces;
        Reports = reports;
        Permit = permit;
        _memory = memory;
    }

    /// <summary>Chip name to padded MLE for every chip with preprocessed columns (ordinal order).</summary>
    public IReadOnlyDictionary<string, PaddedMle<KoalaBear>> Traces { get; }

    public IReadOnlyList<ChipTraceReport> Reports { get; }

    public ProverPermit Permit { get; }

    public void Dispose()
    {
        _memory.Dispose();
        Permit.Dispose();
    }
}

/// <summary>Preprocessed and main traces generated under one permit.</summary>
public sealed class TraceData : IDisposable
{
    internal TraceData(PreprocessedTraceData preprocessed, MainTraceData main)
    {
        Preprocessed = preprocessed;
        Main = main;
    }

    public PreprocessedTraceData Preprocessed { get; }

    public MainTraceData Main { get; }

    /// <summary>Shorthand for <c>Preprocessed.Traces</c>.</summary>
    public IReadOnlyDictionary<string, PaddedMle<KoalaBear>> PreprocessedTraces => Preprocessed.Traces;

    public void Dispose()
    {
        Main.Dispose();
        Preprocessed.Dispose();
    }
}

/// <summary>
/// A shard's LogUp aux traces with the main traces they were made from. Owns both and the main traces' permit:
/// disposing frees the aux memory, then the main traces, then releases the permit.
/// </summary>
public sealed class AuxTraceData : IDisposable
{
    private readonly DeviceStream _stream;
    private int _disposed;

    internal AuxTraceData(IReadOnlyDictionary<string, LogUp.DeviceAuxTrace> traces, DeviceStream stream, MainTraceData main)
    {
        Traces = traces;
        _stream = stream;
        Main = main;
    }

    /// <summary>Chip name to aux trace, for every chip of the shard's cluster (ordinal order).</summary>
    public IReadOnlyDictionary<string, LogUp.DeviceAuxTrace> Traces { get; }

    public MainTraceData Main { get; }

    public ProverPermit Permit => Main.Permit;

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        foreach (var trace in Traces.Values)
        {
            trace.Dispose();
        }

        _stream.Dispose();
        Main.Dispose();
    }
}
