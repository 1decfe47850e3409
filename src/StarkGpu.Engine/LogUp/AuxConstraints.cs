using StarkGpu.Engine.Checking;
using StarkGpu.Engine.Chips;
using StarkGpu.Engine.Machines;
using StarkGpu.Fields;

namespace StarkGpu.Engine.LogUp;

/// <summary>
/// Checks a shard's aux traces against their constraints (<see cref="AuxChip{TRecord, TProgram}"/>) with the
/// constraint checker: each chip with interactions becomes an aux chip over its main columns and aux columns, the
/// aux columns materialised to the padded domain (batch columns zero, running sum held, docs/logup.md), the
/// challenges and cumulative sums given as public values.
/// </summary>
public static class AuxConstraints
{
    /// <summary>A report whose failures name the aux constraint (e.g. "logup running sum adds each row [2]"), chip and row.</summary>
    public static CheckReport Check<TRecord, TProgram>(
        Machine<TRecord, TProgram> machine,
        IReadOnlyDictionary<string, HostTrace> preprocessed,
        ShardTraces shard,
        IReadOnlyDictionary<string, AuxTrace> aux,
        LogUpChallenges challenges)
        where TRecord : IExecutionRecord
    {
        ArgumentNullException.ThrowIfNull(machine);
        ArgumentNullException.ThrowIfNull(preprocessed);
        ArgumentNullException.ThrowIfNull(shard);
        ArgumentNullException.ThrowIfNull(aux);
        var chips = machine.Chips.Where(c => shard.Main.ContainsKey(c.Name) && aux.TryGetValue(c.Name, out var t) && t.Layout.Width > 0).ToArray();
        var challengesAt = machine.PublicValueCount;
        var publicValues = new List<KoalaBear>(shard.PublicValues ?? []);
        publicValues.AddRange(Enumerable.Repeat(KoalaBear.Zero, Math.Max(0, challengesAt - publicValues.Count)));
        publicValues.RemoveRange(challengesAt, publicValues.Count - challengesAt);
        AddExtension(publicValues, challenges.Alpha);
        AddExtension(publicValues, challenges.Beta);

        var auxChips = new List<Chip<TRecord, TProgram>>();
        var traces = new Dictionary<string, HostTrace>(StringComparer.Ordinal);
        foreach (var chip in chips)
        {
            var trace = aux[chip.Name];
            auxChips.Add(new AuxChip<TRecord, TProgram>(chip, trace.Layout, challengesAt, publicValues.Count));
            AddExtension(publicValues, trace.CumulativeSum);
            var main = shard.Main[chip.Name];
            var rows = PaddedDomain.Rows(Math.Max(main.Height, preprocessed.GetValueOrDefault(chip.Name)?.Height ?? 0), shard.LogRowCount, chip.Name);
            traces.Add(chip.Name, Combine(main, trace, (int)rows));
        }

        var auxMachine = new Machine<TRecord, TProgram>(auxChips, []);
        return ConstraintChecker.Check(auxMachine, preprocessed, [new ShardTraces(shard.ShardIndex, traces, shard.LogRowCount, publicValues)]);
    }

    // Main columns then aux coordinates, over the whole domain: main rows past its height zero, aux rows past the
    // aux height with zero batch columns and the running sum held at the cumulative sum.
    private static HostTrace Combine(HostTrace main, AuxTrace aux, int rows)
    {
        var width = main.Width + (4 * aux.Layout.Width);
        var values = new KoalaBear[(long)rows * width];
        var cumulative = aux.CumulativeSum;
        for (var row = 0; row < rows; row++)
        {
            var target = values.AsSpan(row * width, width);
            if (row < main.Height)
            {
                main.Row(row).CopyTo(target);
            }

            for (var column = 0; column < aux.Layout.Width; column++)
            {
                var cell = row < aux.Height
                    ? aux[row, column]
                    : column == aux.Layout.RunningSumColumn ? cumulative : BinomialExtension4<KoalaBear>.Zero;
                cell.CopyCoefficientsTo(target.Slice(main.Width + (4 * column), 4));
            }
        }

        return new HostTrace(values, rows, width);
    }

    private static void AddExtension(List<KoalaBear> values, BinomialExtension4<KoalaBear> element)
    {
        for (var d = 0; d < 4; d++)
        {
            values.Add(element[d]);
        }
    }
}
