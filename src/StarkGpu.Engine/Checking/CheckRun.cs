using StarkGpu.Engine.Air;
using StarkGpu.Engine.Chips;
using StarkGpu.Engine.Machines;
using StarkGpu.Fields;

namespace StarkGpu.Engine.Checking;

/// <summary>
/// One run of the constraint checker. Pass one evaluates every row of every chip of every shard once: constraints
/// are checked and interactions summed per tuple (local tuples per shard, global ones across shards). Only if some
/// tuple does not balance does pass two replay the interactions to list who sent and received it.
/// </summary>
internal sealed class CheckRun<TRecord, TProgram> where TRecord : IExecutionRecord
{
    private readonly Machine<TRecord, TProgram> _machine;
    private readonly IReadOnlyDictionary<string, HostTrace> _preprocessed;
    private readonly CheckOptions _options;
    private readonly RowEvaluator _evaluator = new();
    private readonly List<ConstraintFailure> _failures = [];
    private readonly List<UnbalancedTuple> _unbalanced = [];
    private readonly List<BusImbalance> _imbalances = [];
    private readonly HashSet<int> _ignoredBusIds;
    private readonly TupleTable _local = new();
    private readonly TupleTable _global = new();
    private readonly BalanceSink _balance;
    private long _failureCount;
    private long _unbalancedCount;

    public CheckRun(Machine<TRecord, TProgram> machine, IReadOnlyDictionary<string, HostTrace> preprocessed, CheckOptions options)
    {
        _machine = machine;
        _preprocessed = preprocessed;
        _options = options;
        _ignoredBusIds = [.. machine.Buses.Where(b => options.IgnoredBuses.Contains(b.Name)).Select(b => b.Id)];
        _balance = new BalanceSink(_local, _global);
    }

    /// <summary>Checks all shards at once; the sends and receives of every unbalanced tuple are listed.</summary>
    public CheckReport Run(IReadOnlyList<ShardTraces> shards)
    {
        foreach (var shard in shards)
        {
            Validate(shard);
        }

        foreach (var shard in shards)
        {
            Scan(shard);
        }

        return Finish(shards);
    }

    /// <summary>
    /// Checks one shard of a stream: its constraints and local buses now (an unbalanced local tuple is listed with
    /// its sends and receives while the shard's traces exist), its global tuples summed for <see cref="Finish"/>.
    /// </summary>
    public void AddShard(ShardTraces shard)
    {
        Validate(shard);
        Scan(shard);
        _imbalances.AddRange(Attribute(_unbalanced, [shard]));
        _unbalanced.Clear();
    }

    /// <summary>
    /// Balances the global buses over every shard seen. <paramref name="shards"/> are the traces kept to list who sent
    /// and received an unbalanced tuple; a stream keeps none, so its global imbalances list no contributions.
    /// </summary>
    public CheckReport Finish(IReadOnlyList<ShardTraces> shards)
    {
        CollectUnbalanced(_global);
        _imbalances.AddRange(Attribute(_unbalanced, shards));
        _unbalanced.Clear();
        return new CheckReport(_failures, _failureCount, _imbalances, _unbalancedCount);
    }

    // Pass one over a shard: constraints, local tuples balanced within it, global ones summed across shards.
    private void Scan(ShardTraces shard)
    {
        _local.Clear();
        _balance.ShardIndex = shard.ShardIndex;
        _evaluator.BeginShard(shard.PublicValues ?? []);
        foreach (var chip in ChipsOf(shard))
        {
            Scan(chip, shard, checkConstraints: true, _balance);
        }

        _evaluator.EndShard();
        CollectUnbalanced(_local);
    }

    private IEnumerable<Chip<TRecord, TProgram>> ChipsOf(ShardTraces shard) => _machine.Chips.Where(c => shard.Main.ContainsKey(c.Name));

    private void Validate(ShardTraces shard)
    {
        var publicValues = shard.PublicValues?.Count ?? 0;
        if (publicValues < _machine.PublicValueCount)
        {
            var reader = _machine.Chips.First(c => _machine.Symbolic(c.Name).PublicValueCount > publicValues);
            throw new ArgumentException(
                $"shard {shard.ShardIndex} has {publicValues} public values; chip {reader.Name} reads public value " +
                $"{_machine.Symbolic(reader.Name).PublicValueCount - 1} (the machine reads {_machine.PublicValueCount})");
        }

        foreach (var (name, trace) in shard.Main.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (!_machine.TryGetChip(name, out var chip))
            {
                throw new ArgumentException($"shard {shard.ShardIndex} has a trace for chip {name}, which the machine does not have");
            }

            if (trace.Width != chip!.Width)
            {
                throw new ArgumentException($"shard {shard.ShardIndex}: chip {name} has {chip.Width} columns, its trace {trace.Width}");
            }

            if (chip.PreprocessedWidth == 0)
            {
                continue;
            }

            if (!_preprocessed.TryGetValue(name, out var preprocessed))
            {
                throw new ArgumentException($"chip {name} has preprocessed columns but no preprocessed trace was given");
            }

            if (preprocessed.Width != chip.PreprocessedWidth)
            {
                throw new ArgumentException($"chip {name} has {chip.PreprocessedWidth} preprocessed columns, its trace {preprocessed.Width}");
            }
        }
    }

    // Every real row once, then one row per run of alike padding rows.
    private void Scan(Chip<TRecord, TProgram> chip, ShardTraces shard, bool checkConstraints, IInteractionSink sink)
    {
        var main = shard.Main[chip.Name];
        var preprocessed = chip.PreprocessedWidth == 0 ? null : _preprocessed[chip.Name];
        var height = Math.Max(main.Height, preprocessed?.Height ?? 0);
        var rows = PaddedDomain.Rows(height, shard.LogRowCount, chip.Name);
        _evaluator.BeginChip(main, preprocessed, checkConstraints, sink);
        var reported = 0;
        for (var row = 0L; row < height; row++)
        {
            _evaluator.EvaluateRow(chip, row, rows, rowCount: 1);
            if (_evaluator.Failures.Count != 0)
            {
                RecordFailures(chip, shard.ShardIndex, row, rowCount: 1, isPadding: false, ref reported);
            }
        }

        Span<RowRun> runs = stackalloc RowRun[PaddedDomain.MaxPaddingRuns];
        var runCount = PaddedDomain.PaddingRuns(height, rows, runs);
        foreach (var run in runs[..runCount])
        {
            _evaluator.EvaluateRow(chip, run.Row, rows, run.Count);
            if (_evaluator.Failures.Count != 0)
            {
                RecordFailures(chip, shard.ShardIndex, run.Row, run.Count, isPadding: true, ref reported);
            }
        }
    }

    private void RecordFailures(Chip<TRecord, TProgram> chip, int shardIndex, long row, long rowCount, bool isPadding, ref int reported)
    {
        foreach (var failure in _evaluator.Failures)
        {
            if (_options.IgnoredConstraints.Contains(failure.Label))
            {
                continue;
            }

            _failureCount++;
            if (reported == _options.MaxFailuresPerChip)
            {
                continue;
            }

            reported++;
            var constraint = _machine.Symbolic(chip.Name).Constraints[failure.ConstraintIndex];
            var cells = constraint.Expression.Variables().Select(v => new CellValue(v, _evaluator.Read(v))).ToArray();
            _failures.Add(new ConstraintFailure(
                shardIndex, chip.Name, row, rowCount, isPadding, failure.ConstraintIndex, failure.Label, failure.Value, cells));
        }
    }

    // Sorted by bus and tuple (never by hash-table order), capped per bus.
    private void CollectUnbalanced(TupleTable table)
    {
        var entries = new List<UnbalancedTuple>();
        for (var i = 0; i < table.Count; i++)
        {
            if (!table.NetAt(i).IsZero && !_ignoredBusIds.Contains(table.BusIdAt(i)))
            {
                entries.Add(UnbalancedTuple.From(table, i));
            }
        }

        _unbalancedCount += entries.Count;
        entries.Sort();
        var shown = 0;
        for (var i = 0; i < entries.Count; i++)
        {
            shown = i > 0 && entries[i].BusId == entries[i - 1].BusId ? shown + 1 : 0;
            if (shown < _options.MaxImbalancesPerBus)
            {
                _unbalanced.Add(entries[i]);
            }
        }
    }

    private List<BusImbalance> Attribute(List<UnbalancedTuple> unbalanced, IReadOnlyList<ShardTraces> shards)
    {
        if (unbalanced.Count == 0)
        {
            return [];
        }

        var watched = new TupleTable();
        foreach (var tuple in unbalanced)
        {
            watched.Add(tuple.Scope, tuple.BusId, tuple.Words, tuple.Net);
        }

        var sink = new ContributionSink(watched, _options.MaxContributionsPerTuple);
        var buses = unbalanced.Select(t => t.BusId).ToHashSet();
        foreach (var shard in shards)
        {
            sink.ShardIndex = shard.ShardIndex;
            _evaluator.BeginShard(shard.PublicValues ?? []);
            foreach (var chip in ChipsOf(shard).Where(c => _machine.Symbolic(c.Name).Buses.Any(b => buses.Contains(b.Id))))
            {
                sink.ChipName = chip.Name;
                Scan(chip, shard, checkConstraints: false, sink);
            }
        }

        _evaluator.EndShard();

        var busById = _machine.Buses.ToDictionary(b => b.Id);
        return [.. unbalanced.Select((tuple, entry) => new BusImbalance(
            busById[tuple.BusId],
            tuple.Scope == BalanceSink.GlobalScope ? null : tuple.Scope,
            [.. tuple.Words.Select(KoalaBear.FromRaw)],
            tuple.Net,
            sink.ContributionsOf(entry),
            sink.TotalContributionsOf(entry)))];
    }

    /// <summary>A copied-out table entry, ordered for reports: scope (shards, then global), bus, tuple values.</summary>
    private sealed record UnbalancedTuple(int Scope, int BusId, uint[] Words, KoalaBear Net) : IComparable<UnbalancedTuple>
    {
        public static UnbalancedTuple From(TupleTable table, int entry) =>
            new(table.ScopeAt(entry), table.BusIdAt(entry), table.TupleAt(entry).ToArray(), table.NetAt(entry));

        public int CompareTo(UnbalancedTuple? other)
        {
            if (other is null)
            {
                return 1;
            }

            var byScope = ((uint)Scope).CompareTo((uint)other.Scope);
            if (byScope != 0)
            {
                return byScope;
            }

            var byBus = BusId.CompareTo(other.BusId);
            if (byBus != 0)
            {
                return byBus;
            }

            for (var i = 0; i < Math.Min(Words.Length, other.Words.Length); i++)
            {
                var byValue = KoalaBear.FromRaw(Words[i]).Canonical.CompareTo(KoalaBear.FromRaw(other.Words[i]).Canonical);
                if (byValue != 0)
                {
                    return byValue;
                }
            }

            return Words.Length.CompareTo(other.Words.Length);
        }
    }
}
