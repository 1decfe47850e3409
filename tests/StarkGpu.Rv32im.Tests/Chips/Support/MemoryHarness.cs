using System.Buffers.Binary;
using StarkGpu.Engine.Checking;
using StarkGpu.Engine.Chips;
using StarkGpu.Engine.Machines;
using StarkGpu.Rv32im.Chips;
using StarkGpu.Rv32im.Chips.ByteLookup;
using StarkGpu.Rv32im.Chips.Memory;
using StarkGpu.Rv32im.Elf;
using StarkGpu.Rv32im.Events;
using StarkGpu.Rv32im.Execution;
using StarkGpu.Rv32im.Tests.Support;

namespace StarkGpu.Rv32im.Tests.Chips.Support;

/// <summary>
/// Runs real guests in small shards and checks the memory chips on them: a machine of MemoryLocal, the three
/// boundary chips and a ByteLookup fed by the boundary chips (optionally with <see cref="MemoryAccessStubChip"/>
/// standing in for the Cpu chip on the local memory bus), and a checker that lets a test edit the traces first.
/// </summary>
public static class MemoryHarness
{
    /// <summary>Cycles per shard: small, so every guest spans several shards.</summary>
    public const int ShardSize = 1 << 12;

    /// <summary>Cycles per shard for the hints guest, which runs for fewer than <see cref="ShardSize"/> cycles.</summary>
    public const int HintsShardSize = 1 << 8;

    /// <summary>The guests the memory chips are checked on.</summary>
    public static readonly string[] Programs = ["fibonacci", "sha256", "memory", "hints", "sort"];

    // What tests/programs/src/hints.c reads (as HintProgramTests gives it).
    private static readonly byte[][] s_hints = [Words(1, 2, 3), Words(100, 200, 300, 400, 5)];

    /// <summary>A guest run in recording mode in small shards (dispose the result).</summary>
    public static (Program Program, ExecutionResult Result) Run(string name)
    {
        var program = ElfLoader.LoadFile(RepoPaths.GuestElf(name));
        var options = new ExecutionOptions
        {
            Mode = ExecutionMode.Recording,
            ShardSize = name == "hints" ? HintsShardSize : ShardSize,
            Hints = name == "hints" ? s_hints : [],
        };
        return (program, Executor.Execute(program, options));
    }

    /// <summary>
    /// The four memory chips and a ByteLookup fed by MemoryInit and MemoryFinalize (plus the access stub when
    /// <paramref name="withAccessStub"/>). Cluster "local" holds what a shard without the boundary uses, "all" the rest.
    /// </summary>
    public static Machine<ExecutionRecord, Program> Machine(Program program, bool withAccessStub = false)
    {
        var init = new MemoryInitChip();
        var finalize = new MemoryFinalizeChip();
        var chips = new List<Chip<ExecutionRecord, Program>>
        {
            new MemoryLocalChip(), init, finalize, new MemoryProgramChip(program), new ByteLookupChip([init, finalize]),
        };
        if (withAccessStub)
        {
            chips.Add(new MemoryAccessStubChip());
        }

        string[] local = withAccessStub ? [MemoryLocalChip.ChipName, MemoryAccessStubChip.ChipName] : [MemoryLocalChip.ChipName];
        return new Machine<ExecutionRecord, Program>(chips, [new Cluster("local", local), new Cluster("all", chips.Select(c => c.Name))]);
    }

    /// <summary>
    /// Like <see cref="ConstraintChecker.CheckRecords"/> (smallest cluster per shard, one padded domain per shard),
    /// letting <paramref name="corrupt"/> edit each shard's host traces before the check.
    /// </summary>
    public static CheckReport Check(
        Machine<ExecutionRecord, Program> machine,
        Program program,
        IEnumerable<ExecutionRecord> records,
        Action<ExecutionRecord, IReadOnlyDictionary<string, HostTrace>>? corrupt = null)
    {
        var preprocessed = machine.Chips
            .Where(c => c.PreprocessedWidth > 0)
            .ToDictionary(c => c.Name, c => c.GenerateHostPreprocessedTrace(program), StringComparer.Ordinal);
        var shards = new List<ShardTraces>();
        foreach (var record in records)
        {
            var cluster = machine.SmallestCluster(machine.IncludedChips(record));
            var main = cluster.ChipNames
                .Select(machine.ByName)
                .ToDictionary(c => c.Name, c => c.Included(record) ? c.GenerateHostMainTrace(record) : HostTrace.Zeros(0, c.Width), StringComparer.Ordinal);
            corrupt?.Invoke(record, main);
            var tallest = main.Select(p => Math.Max(p.Value.Height, preprocessed.GetValueOrDefault(p.Key)?.Height ?? 0)).DefaultIfEmpty(1).Max();
            shards.Add(new ShardTraces((int)record.Shard, main, CeilingLog2(tallest), record.PublicValueElements()));
        }

        return ConstraintChecker.Check(machine, preprocessed, shards);
    }

    /// <summary>
    /// The imbalances on every bus but the shard-local memory bus, which the memory chips alone cannot balance
    /// (the Cpu chip's accesses are its other half).
    /// </summary>
    public static BusImbalance[] ImbalancesBesidesLocalMemory(CheckReport report) =>
        [.. report.BusImbalances.Where(i => i.Bus.Name != Rv32imBuses.Memory.Name)];

    /// <summary>
    /// A record of shard <paramref name="shard"/>, marked the last (as the boundary's shard is), holding the given
    /// boundary events (sorted or not: as given).
    /// </summary>
    public static ExecutionRecord BoundaryRecord(uint shard, MemoryInitializeEvent[] inits, MemoryFinalizeEvent[] finals)
    {
        var record = new ExecutionRecord(shard, 16);
        record.PublicValues.IsLastShard = 1; // the boundary chips are real in the last shard only
        foreach (var init in inits)
        {
            record.MemoryInitialize.Add(init);
        }

        foreach (var final in finals)
        {
            record.MemoryFinalize.Add(final);
        }

        return record;
    }

    private static int CeilingLog2(int value) => value <= 1 ? 0 : 32 - System.Numerics.BitOperations.LeadingZeroCount((uint)(value - 1));

    private static byte[] Words(params uint[] words)
    {
        var bytes = new byte[4 * words.Length];
        for (var i = 0; i < words.Length; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(4 * i), words[i]);
        }

        return bytes;
    }
}
