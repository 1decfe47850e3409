using StarkGpu.Engine.Chips;

namespace StarkGpu.Engine.Checking;

/// <summary>
/// A constraint check over shards that arrive one at a time (<see cref="ConstraintChecker.BeginStream"/>): each
/// record's host traces are generated, checked and dropped in <see cref="Add"/>, so the record can be released;
/// only the global buses' tuple counts are kept across shards. <see cref="Finish"/> gives the same verdict as
/// <see cref="ConstraintChecker.CheckRecords"/>, except that an unbalanced global tuple lists no sends and receives
/// (the shards that made them are gone; a local one does, it is found while its shard is checked).
/// </summary>
public sealed class StreamingCheck<TRecord, TProgram> where TRecord : IExecutionRecord
{
    private readonly CheckRun<TRecord, TProgram> _run;
    private readonly Func<TRecord, ShardTraces> _traces;
    private CheckReport? _report;

    internal StreamingCheck(CheckRun<TRecord, TProgram> run, Func<TRecord, ShardTraces> traces)
    {
        _run = run;
        _traces = traces;
    }

    /// <summary>Shards checked so far.</summary>
    public int ShardCount { get; private set; }

    /// <summary>Checks one shard; the record is not used afterwards.</summary>
    /// <exception cref="InvalidOperationException"><see cref="Finish"/> was already called.</exception>
    public void Add(TRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (_report is not null)
        {
            throw new InvalidOperationException("the streaming check has finished: no shard can be added");
        }

        _run.AddShard(_traces(record));
        ShardCount++;

        // The shard's host traces (hundreds of MB for a 2^20-cycle shard, all large-object-heap arrays) die here. Left
        // to its budget, the GC lets several shards' worth pile up before it collects them, so a long run's peak would
        // grow with its length (measured: 3.6 GB at 5 M cycles, 5.8 GB at 50 M); one blocking collection per shard
        // (milliseconds, against seconds of checking) keeps the peak at one shard's traces.
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: false);
    }

    /// <summary>Balances the global buses over every shard added and returns the report (the same one on every call).</summary>
    public CheckReport Finish() => _report ??= _run.Finish([]);
}
