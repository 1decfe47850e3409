using System.Globalization;
using StarkGpu.Fields;
using StarkGpu.Rv32im.Elf;
using StarkGpu.Rv32im.Events;

namespace StarkGpu.Rv32im;

/// <summary>
/// What a verifier checks across the shards' public values (<see cref="PublicValueIndex"/>), which no AIR sees: each
/// shard's traces are tied to its own public values only, so these checks make the shards one execution, from the
/// program's entry point to HALT, as SP1 v3's verifier does. Shard numbers are 1, 2, ...; the first start pc is the
/// entry point and each other the previous shard's next pc; the next pc is 0 (halted) and is_last_shard 1 in the last
/// shard only; the exit code is 0 before the last shard; a digest word, once set (non-zero), stays the same in the
/// later shards (each shard carries the digest as it stood when it closed).
/// </summary>
public static class PublicValueChain
{
    /// <summary>Shard numbers stay below this (so the numbers 1, 2, ... the chain demands are in range).</summary>
    public const int MaxShards = 1 << 24;

    /// <summary>The problems of <paramref name="shards"/>' public values, in shard order; empty when they chain.</summary>
    /// <param name="shards">Each shard's public values as field elements, in execution order.</param>
    public static IReadOnlyList<string> Check(Program program, IReadOnlyList<IReadOnlyList<KoalaBear>> shards)
    {
        ArgumentNullException.ThrowIfNull(program);
        ArgumentNullException.ThrowIfNull(shards);
        var problems = new List<string>();
        if (shards.Count == 0)
        {
            problems.Add("no shards");
            return problems;
        }

        if (shards.Count >= MaxShards)
        {
            // The Cpu chip's access order between shards is shard - prev_shard - 1 in three range-checked bytes.
            problems.Add(Invariant($"{shards.Count} shards: at most {MaxShards - 1} (shard numbers must stay below 2^24)"));
        }

        var last = shards.Count - 1;
        for (var i = 0; i < shards.Count; i++)
        {
            var values = shards[i];
            var position = i + 1;
            if (values.Count != PublicValueIndex.Count)
            {
                problems.Add(Invariant($"shard at position {position}: {values.Count} public values, not {PublicValueIndex.Count}"));
                continue;
            }

            Expect(problems, position, "shard number", values[PublicValueIndex.Shard], (uint)position);
            var expectedStart = i == 0 ? program.EntryPc : Value(shards[i - 1], PublicValueIndex.NextPc);
            Expect(problems, position, i == 0 ? "start pc (the entry point)" : "start pc (the previous shard's next pc)", values[PublicValueIndex.StartPc], expectedStart);
            Expect(problems, position, "is_last_shard", values[PublicValueIndex.IsLastShard], i == last ? 1u : 0u);
            if (i == last)
            {
                Expect(problems, position, "next pc of the last shard", values[PublicValueIndex.NextPc], 0);
            }
            else
            {
                Expect(problems, position, "exit code before the last shard", values[PublicValueIndex.ExitCode], 0);
                if (values[PublicValueIndex.NextPc].IsZero)
                {
                    problems.Add(Invariant($"shard at position {position}: next pc 0 (halted) before the last shard"));
                }
            }

            for (var w = PublicValueIndex.CommittedValueDigest; i > 0 && w < PublicValueIndex.IsLastShard; w++)
            {
                var previous = shards[i - 1].Count == PublicValueIndex.Count ? shards[i - 1][w] : values[w];
                if (!previous.IsZero && values[w] != previous)
                {
                    problems.Add(Invariant(
                        $"shard at position {position}: digest element {w} is {values[w]}, the previous shard's {previous} (a set word never changes)"));
                }
            }
        }

        return problems;
    }

    /// <summary>The problems of the records' public values (<see cref="ExecutionRecord.PublicValueElements"/>).</summary>
    public static IReadOnlyList<string> Check(Program program, IEnumerable<ExecutionRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        return Check(program, [.. records.Select(r => (IReadOnlyList<KoalaBear>)r.PublicValueElements())]);
    }

    private static uint Value(IReadOnlyList<KoalaBear> values, int index) =>
        values.Count == PublicValueIndex.Count ? values[index].Canonical : uint.MaxValue;

    private static void Expect(List<string> problems, int position, string what, KoalaBear actual, uint expected)
    {
        if (actual.Canonical != expected)
        {
            problems.Add(Invariant($"shard at position {position}: {what} is 0x{actual.Canonical:x}, expected 0x{expected:x}"));
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
