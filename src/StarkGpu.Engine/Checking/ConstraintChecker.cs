using StarkGpu.Engine.Chips;
using StarkGpu.Engine.Machines;
using StarkGpu.Fields;

namespace StarkGpu.Engine.Checking;

/// <summary>
/// Checks traces against their machine as a STARK would see them: every constraint on every row of the padded
/// domain (the next row wrapping around; padding rows all zero), local buses balanced within each shard and global
/// buses across all shards, exactly (per tuple, sends minus receives is zero in the field).
/// </summary>
public static class ConstraintChecker
{
    /// <param name="preprocessed">Row-major preprocessed trace per chip that has preprocessed columns.</param>
    /// <param name="shards">The shards of one execution; global buses must balance over all of them.</param>
    /// <exception cref="ArgumentException">
    /// A trace names an unknown chip or has the wrong width or height, or a shard has fewer public values than the
    /// machine's chips read.
    /// </exception>
    public static CheckReport Check<TRecord, TProgram>(
        Machine<TRecord, TProgram> machine,
        IReadOnlyDictionary<string, HostTrace> preprocessed,
        IReadOnlyList<ShardTraces> shards,
        CheckOptions? options = null)
        where TRecord : IExecutionRecord
    {
        ArgumentNullException.ThrowIfNull(machine);
        ArgumentNullException.ThrowIfNull(preprocessed);
        ArgumentNullException.ThrowIfNull(shards);
        return new CheckRun<TRecord, TProgram>(machine, preprocessed, options ?? new CheckOptions()).Run(shards);
    }

    /// <summary>
    /// Generates the host traces of <paramref name="records"/> and checks them. As the trace generator does, each
    /// shard gets the chips of its smallest cluster (those its record does not use as empty traces) and one padded
    /// domain sized by its tallest trace; its public values are the record's.
    /// </summary>
    /// <exception cref="NoClusterException">A record's chips fit no cluster.</exception>
    public static CheckReport CheckRecords<TRecord, TProgram>(
        Machine<TRecord, TProgram> machine, TProgram program, IEnumerable<TRecord> records, CheckOptions? options = null)
        where TRecord : IExecutionRecord
    {
        ArgumentNullException.ThrowIfNull(machine);
        ArgumentNullException.ThrowIfNull(records);
        var preprocessed = HostPreprocessedTraces(machine, program);
        var shards = records.Select(record => HostShardTraces(machine, preprocessed, record)).ToList();
        return Check(machine, preprocessed, shards, options);
    }

    /// <summary>
    /// Starts a check of records that arrive one by one and are released after <see cref="StreamingCheck{TRecord, TProgram}.Add"/>:
    /// the same verdict as <see cref="CheckRecords"/>, in the memory of one shard's host traces.
    /// </summary>
    public static StreamingCheck<TRecord, TProgram> BeginStream<TRecord, TProgram>(
        Machine<TRecord, TProgram> machine, TProgram program, CheckOptions? options = null)
        where TRecord : IExecutionRecord
    {
        ArgumentNullException.ThrowIfNull(machine);
        var preprocessed = HostPreprocessedTraces(machine, program);
        return new StreamingCheck<TRecord, TProgram>(
            new CheckRun<TRecord, TProgram>(machine, preprocessed, options ?? new CheckOptions()),
            record => HostShardTraces(machine, preprocessed, record));
    }

    private static Dictionary<string, HostTrace> HostPreprocessedTraces<TRecord, TProgram>(Machine<TRecord, TProgram> machine, TProgram program)
        where TRecord : IExecutionRecord =>
        machine.Chips
            .Where(c => c.PreprocessedWidth > 0)
            .ToDictionary(c => c.Name, c => c.GenerateHostPreprocessedTrace(program), StringComparer.Ordinal);

    private static ShardTraces HostShardTraces<TRecord, TProgram>(
        Machine<TRecord, TProgram> machine, IReadOnlyDictionary<string, HostTrace> preprocessed, TRecord record)
        where TRecord : IExecutionRecord
    {
        var included = machine.IncludedChips(record);
        var main = machine.SmallestCluster(included).ChipNames
            .Select(machine.ByName)
            .ToDictionary(c => c.Name, c => c.Included(record) ? c.GenerateHostMainTrace(record) : HostTrace.Zeros(0, c.Width), StringComparer.Ordinal);
        var tallest = main.Select(p => Math.Max(p.Value.Height, preprocessed.GetValueOrDefault(p.Key)?.Height ?? 0)).DefaultIfEmpty(1).Max();
        return new ShardTraces(record.ShardIndex, main, CeilingLog2(tallest), record.PublicValues.ToArray());
    }

    /// <summary>
    /// Checks that all-zero rows, the padding every trace gets, satisfy every chip and put nothing on any bus: each
    /// chip on an empty four-row domain (first, middle and last rows all zero), with every public value zero.
    /// </summary>
    public static CheckReport CheckZeroRows<TRecord, TProgram>(Machine<TRecord, TProgram> machine, CheckOptions? options = null)
        where TRecord : IExecutionRecord
    {
        ArgumentNullException.ThrowIfNull(machine);
        var preprocessed = machine.Chips
            .Where(c => c.PreprocessedWidth > 0)
            .ToDictionary(c => c.Name, c => HostTrace.Zeros(0, c.PreprocessedWidth), StringComparer.Ordinal);
        var main = machine.Chips.ToDictionary(c => c.Name, c => HostTrace.Zeros(0, c.Width), StringComparer.Ordinal);
        var publicValues = new KoalaBear[machine.PublicValueCount];
        return Check(machine, preprocessed, [new ShardTraces(0, main, LogRowCount: 2, publicValues)], options);
    }

    private static int CeilingLog2(int value) => value <= 1 ? 0 : 32 - System.Numerics.BitOperations.LeadingZeroCount((uint)(value - 1));
}
