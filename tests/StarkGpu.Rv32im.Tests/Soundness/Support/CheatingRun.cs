using StarkGpu.Engine.Air;
using StarkGpu.Engine.Checking;
using StarkGpu.Engine.Chips;
using StarkGpu.Engine.Machines;
using StarkGpu.Fields;
using StarkGpu.Rv32im.Chips.Cpu;
using StarkGpu.Rv32im.Elf;
using StarkGpu.Rv32im.Events;
using StarkGpu.Rv32im.Execution;
using StarkGpu.Rv32im.Tests.Machine;

namespace StarkGpu.Rv32im.Tests.Soundness.Support;

/// <summary>
/// A real guest's execution with the whole machine's host traces, shard by shard, for a soundness test to forge: a
/// cheating prover controls its whole witness, so a test edits the records (then regenerates the chips that read
/// them) and the cells, building the most plausible false trace for one fact, and shows the checker rejects it
/// with the constraint (or bus) that proves the fact — and accepts it once that constraint is ignored, so the
/// test is sure to fail if the constraint is ever dropped.
/// </summary>
public sealed class CheatingRun : IDisposable
{
    private readonly ExecutionResult _result;
    private readonly List<Dictionary<string, HostTrace>> _main = [];
    private readonly List<int> _logRowCounts = [];

    private CheatingRun(Program program, ExecutionResult result)
    {
        Program = program;
        _result = result;
        Machine = Rv32imMachine.Create(program);
        Preprocessed = Machine.Chips
            .Where(c => c.PreprocessedWidth > 0)
            .ToDictionary(c => c.Name, c => c.GenerateHostPreprocessedTrace(program), StringComparer.Ordinal);
        foreach (var record in result.Shards)
        {
            var chips = Machine.SmallestCluster(Machine.IncludedChips(record)).ChipNames.Select(Machine.ByName);
            _main.Add(chips.ToDictionary(c => c.Name, c => GenerateMain(c, record), StringComparer.Ordinal));
            _logRowCounts.Add(0);
            PadDomain(_main.Count - 1);
        }
    }

    /// <summary>Records <paramref name="guest"/> (tests/programs) over several shards and generates its host traces.</summary>
    public static CheatingRun Of(string guest, int maxShardSize = 1 << 16)
    {
        var (program, result) = GuestRun.Record(guest, maxShardSize);
        return new CheatingRun(program, result);
    }

    /// <summary>
    /// A run that claims to be <paramref name="claimed"/> but is the execution of <paramref name="executed"/>, the
    /// same program with some instruction words changed (same image, so the same memory): every row at a changed
    /// pc is relabelled with the claimed instruction (its immediates included), and the image words the boundary
    /// chips close are the claimed ones. What is left is the lie about those rows, for a test to shape further.
    /// </summary>
    public static CheatingRun Executing(Program claimed, Program executed)
    {
        ArgumentNullException.ThrowIfNull(claimed);
        ArgumentNullException.ThrowIfNull(executed);
        var result = Executor.Execute(executed, new ExecutionOptions { Mode = ExecutionMode.Recording });
        foreach (var record in result.Shards)
        {
            foreach (ref var e in record.Cpu.WritableSpan)
            {
                if (claimed.InstructionWordAt(e.Pc) == executed.InstructionWordAt(e.Pc))
                {
                    continue;
                }

                var ins = claimed.Instructions[(int)((e.Pc - claimed.CodeBase) >> 2)];
                e.Opcode = ins.Opcode;
                e.OpA = ins.OpA;
                e.OpB = ins.OpB;
                e.OpC = ins.OpC;
                e.ImmB = ins.ImmB;
                e.ImmC = ins.ImmC;
                e.B = ins.ImmB ? ins.OpB : e.B;
                e.C = ins.ImmC ? ins.OpC : e.C;
            }

            foreach (ref var final in record.MemoryFinalize.WritableSpan)
            {
                if (final.Shard == 0 && claimed.TryGetImageWord(final.Address, out var word))
                {
                    final.Value = word;
                }
            }
        }

        return new CheatingRun(claimed, result);
    }

    public Program Program { get; }

    public Machine<ExecutionRecord, Program> Machine { get; }

    /// <summary>The shards' records, in order (position 0 is shard 1); editable through their lists' WritableSpan.</summary>
    public IReadOnlyList<ExecutionRecord> Records => _result.Shards;

    /// <summary>Preprocessed traces per chip; a test may replace or edit them too (a verifier would not accept that).</summary>
    public Dictionary<string, HostTrace> Preprocessed { get; }

    /// <summary>The main trace of <paramref name="chip"/> in the shard at <paramref name="position"/>.</summary>
    public HostTrace Trace(int position, string chip) => _main[position][chip];

    /// <summary>Whether the shard at <paramref name="position"/> has a trace for <paramref name="chip"/>.</summary>
    public bool HasTrace(int position, string chip) => _main[position].ContainsKey(chip);

    /// <summary>Regenerates <paramref name="chip"/>'s host trace from the (edited) record of the shard at <paramref name="position"/>.</summary>
    public void Regenerate(int position, string chip)
    {
        _main[position][chip] = GenerateMain(Machine.ByName(chip), Records[position]);
        PadDomain(position);
    }

    /// <summary>Regenerates every chip's host trace of every shard from the (edited) records.</summary>
    public void RegenerateAll()
    {
        for (var position = 0; position < _main.Count; position++)
        {
            foreach (var chip in _main[position].Keys.ToArray())
            {
                _main[position][chip] = GenerateMain(Machine.ByName(chip), Records[position]);
            }

            PadDomain(position);
        }
    }

    /// <summary>The padded domain's rows of the shard at <paramref name="position"/>.</summary>
    public long DomainRows(int position) => 1L << _logRowCounts[position];

    /// <summary>Replaces a chip's trace (e.g. with extra forged rows).</summary>
    public void Replace(int position, string chip, HostTrace trace)
    {
        _main[position][chip] = trace;
        PadDomain(position);
    }

    /// <summary>The first Cpu event, over all shards, that <paramref name="picks"/>: its shard position and row.</summary>
    public (int Position, int Row) FindCpuRow(Func<CpuEvent, bool> picks)
    {
        for (var position = 0; position < Records.Count; position++)
        {
            var cpu = Records[position].Cpu.Span;
            for (var row = 0; row < cpu.Length; row++)
            {
                if (picks(cpu[row]))
                {
                    return (position, row);
                }
            }
        }

        throw new AssertionException("the guest executes no instruction the test can forge");
    }

    /// <summary>Reads a cell as its canonical value.</summary>
    public uint Get(int position, string chip, int row, int column) => Trace(position, chip)[row, column].Canonical;

    /// <summary>Writes a cell (a canonical value below p).</summary>
    public void Set(int position, string chip, int row, int column, uint canonical)
    {
        var trace = Trace(position, chip);
        trace.Values[((long)row * trace.Width) + column] = KoalaBear.FromCanonical(canonical);
    }

    /// <summary>Writes a cell as a signed value (negative numbers as p - |value|).</summary>
    public void SetSigned(int position, string chip, int row, int column, long value)
    {
        var trace = Trace(position, chip);
        trace.Values[((long)row * trace.Width) + column] = KoalaBear.FromSigned(value);
    }

    /// <summary>Writes a Cpu word column group (four byte limbs, least significant first).</summary>
    public void SetWord(int position, string chip, int row, int firstColumn, uint word)
    {
        for (var i = 0; i < 4; i++)
        {
            Set(position, chip, row, firstColumn + i, (word >> (8 * i)) & 0xff);
        }
    }

    /// <summary>
    /// Checks every shard against the whole machine (constraints, local and global buses), each with its record's
    /// public values as they are now (a test may forge them too: they are the prover's claim).
    /// </summary>
    public CheckReport Check(CheckOptions? options = null) => ConstraintChecker.Check(Machine, Preprocessed, Shards(), options);

    /// <summary>Every shard's traces as they are now, as <see cref="Check"/> gives them to the checker.</summary>
    public List<ShardTraces> Shards() =>
        [.. _main.Select((main, position) => new ShardTraces((int)Records[position].Shard, main, _logRowCounts[position], Records[position].PublicValueElements()))];

    /// <summary>
    /// The forged trace fails <paramref name="label"/> on <paramref name="chip"/> (and maybe more), and with that
    /// constraint ignored (plus <paramref name="alsoIgnored"/>, constraints that catch the same lie a second way) it
    /// passes: the constraint is what proves the fact.
    /// </summary>
    public void AssertCaughtBy(string chip, string label, params string[] alsoIgnored) =>
        AssertCaught(chip, label, new HashSet<string>(StringComparer.Ordinal), alsoIgnored);

    /// <summary>
    /// <see cref="AssertCaughtBy"/> with <paramref name="openBus"/> unchecked throughout: for a forgery whose value
    /// would flow into later accesses that a complete forgery rewrites, on a bus that does not prove the fact.
    /// </summary>
    public void AssertCaughtWithBusOpen(Bus openBus, string chip, string label, params string[] alsoIgnored) =>
        AssertCaught(chip, label, new HashSet<string>([openBus.Name], StringComparer.Ordinal), alsoIgnored);

    private void AssertCaught(string chip, string label, HashSet<string> openBuses, string[] alsoIgnored)
    {
        var report = Check(new CheckOptions { IgnoredBuses = openBuses });
        Assert.That(report.ConstraintFailures.Select(f => (f.Chip, f.Label)), Does.Contain((chip, label)), report.ToString);
        var without = Check(new CheckOptions { IgnoredBuses = openBuses, IgnoredConstraints = new HashSet<string>([label, .. alsoIgnored], StringComparer.Ordinal) });
        Assert.That(without.IsSatisfied, Is.True, $"the forgery must be otherwise consistent (only '{label}' and {string.Join(", ", alsoIgnored)} may catch it): {without}");
    }

    /// <summary>
    /// The forged trace unbalances <paramref name="bus"/> (and maybe more), and with that bus ignored it passes: the
    /// bus is what proves the fact.
    /// </summary>
    public void AssertCaughtByBus(Bus bus, params string[] alsoIgnoredBuses)
    {
        var report = Check();
        Assert.That(report.BusImbalances.Select(i => i.Bus), Does.Contain(bus), report.ToString);
        var without = Check(new CheckOptions { IgnoredBuses = new HashSet<string>([bus.Name, .. alsoIgnoredBuses], StringComparer.Ordinal) });
        Assert.That(without.IsSatisfied, Is.True, $"the forgery must be otherwise consistent (only bus {bus.Name} may catch it): {without}");
    }

    /// <summary>The honest run passes: a forgery test starts from a trace the checker accepts.</summary>
    public void AssertHonestRunPasses()
    {
        var report = Check();
        Assert.That(report.IsSatisfied, Is.True, report.ToString);
    }

    public void Dispose() => _result.Dispose();

    private static HostTrace GenerateMain(Chip<ExecutionRecord, Program> chip, ExecutionRecord record) =>
        chip.Included(record) ? chip.GenerateHostMainTrace(record) : HostTrace.Zeros(0, chip.Width);

    // One padded domain per shard, sized by its tallest trace (as the trace generator pads).
    private void PadDomain(int position)
    {
        var tallest = _main[position].Select(p => Math.Max(p.Value.Height, Preprocessed.GetValueOrDefault(p.Key)?.Height ?? 0)).DefaultIfEmpty(1).Max();
        _logRowCounts[position] = tallest <= 1 ? 0 : 32 - System.Numerics.BitOperations.LeadingZeroCount((uint)(tallest - 1));
    }
}
