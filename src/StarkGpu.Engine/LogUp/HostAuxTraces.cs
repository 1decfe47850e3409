using StarkGpu.Engine.Air;
using StarkGpu.Engine.Air.Symbolic;
using StarkGpu.Engine.Checking;
using StarkGpu.Engine.Chips;
using StarkGpu.Engine.Machines;
using StarkGpu.Fields;

namespace StarkGpu.Engine.LogUp;

/// <summary>
/// The host reference of the LogUp aux traces: per chip and row, each interaction's fingerprint (from the chip's own
/// <see cref="IAir.Eval{TExpr}"/>, as the constraint checker evaluates it), <c>m / f</c> with the multiplicity
/// negated for receives, summed into batch columns, and the running sum over rows. The layout and the treatment of
/// padding rows are described in docs/logup.md.
/// </summary>
public static class HostAuxTraces
{
    /// <summary>One Montgomery trick per this many fingerprints, as the device's chunked batch inversion does.</summary>
    public const int DefaultInversionChunk = 64;

    // Rows are evaluated in blocks of about this many interactions, so scratch stays in cache whatever the height.
    private const int InteractionsPerBlock = 1 << 14;

    /// <summary>The aux trace of every chip of <paramref name="shard"/>, by chip name.</summary>
    /// <param name="preprocessed">Row-major preprocessed trace per chip that has preprocessed columns.</param>
    /// <exception cref="ZeroFingerprintException">Some interaction's fingerprint is zero.</exception>
    /// <exception cref="LogUpException">A padding row puts a tuple on a bus (its running sum could not be held constant).</exception>
    public static IReadOnlyDictionary<string, AuxTrace> Generate<TRecord, TProgram>(
        Machine<TRecord, TProgram> machine,
        IReadOnlyDictionary<string, HostTrace> preprocessed,
        ShardTraces shard,
        LogUpChallenges challenges,
        int batchSize = AuxLayout.DefaultBatchSize,
        int inversionChunk = DefaultInversionChunk)
        where TRecord : IExecutionRecord
    {
        ArgumentNullException.ThrowIfNull(machine);
        ArgumentNullException.ThrowIfNull(preprocessed);
        ArgumentNullException.ThrowIfNull(shard);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inversionChunk);
        var chips = machine.Chips.Where(c => shard.Main.ContainsKey(c.Name)).ToArray();
        var traces = new AuxTrace[chips.Length];
        var publicValues = shard.PublicValues ?? [];

        var failures = new Exception?[chips.Length];

        // Chips are independent: one per worker; the result is keyed by name and the error reported is the first
        // chip's in machine order, so scheduling never reaches either.
        Parallel.For(0, chips.Length, i =>
        {
            var chip = chips[i];
            var chipPreprocessed = chip.PreprocessedWidth == 0 ? null : preprocessed[chip.Name];
            try
            {
                traces[i] = GenerateChip(
                    chip, machine.Symbolic(chip.Name), shard.Main[chip.Name], chipPreprocessed, publicValues, shard.LogRowCount, challenges, batchSize, inversionChunk);
            }
            catch (Exception e)
            {
                failures[i] = e;
            }
        });

        if (failures.FirstOrDefault(e => e is not null) is { } failure)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
        }

        return traces.ToDictionary(t => t.ChipName, StringComparer.Ordinal);
    }

    /// <summary>One chip's aux trace.</summary>
    /// <param name="logRowCount">The shard's padded domain (null: the chip's height rounded up to a power of two).</param>
    public static AuxTrace GenerateChip(
        IAir chip,
        SymbolicAirBuilder symbolic,
        HostTrace main,
        HostTrace? preprocessed,
        IReadOnlyList<KoalaBear> publicValues,
        int? logRowCount,
        LogUpChallenges challenges,
        int batchSize = AuxLayout.DefaultBatchSize,
        int inversionChunk = DefaultInversionChunk)
    {
        ArgumentNullException.ThrowIfNull(chip);
        ArgumentNullException.ThrowIfNull(symbolic);
        ArgumentNullException.ThrowIfNull(main);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inversionChunk);
        var interactions = symbolic.Interactions;
        var n = interactions.Count;
        var layout = AuxLayout.Of(n, batchSize);
        var height = Math.Max(main.Height, preprocessed?.Height ?? 0);
        var domainRows = PaddedDomain.Rows(height, logRowCount, chip.Name);
        var buses = symbolic.Buses;
        if (n == 0)
        {
            return new AuxTrace(chip.Name, layout, height, [], []);
        }

        var maxTuple = interactions.Max(i => i.Values.Count);
        var builder = new InteractionRowBuilder(challenges, maxTuple, n, main, preprocessed, publicValues);
        var busOf = interactions.Select(i => IndexOfBus(buses, i.Bus)).ToArray();
        var busSums = new BinomialExtension4<KoalaBear>[buses.Count];
        var width = layout.Width;
        var values = new BinomialExtension4<KoalaBear>[(long)height * width];
        var rowsPerBlock = Math.Max(1, InteractionsPerBlock / n);
        var fingerprints = new BinomialExtension4<KoalaBear>[rowsPerBlock * n];
        var inverses = new BinomialExtension4<KoalaBear>[rowsPerBlock * n];
        var multiplicities = new KoalaBear[rowsPerBlock * n];
        var running = BinomialExtension4<KoalaBear>.Zero;

        for (var start = 0L; start < height; start += rowsPerBlock)
        {
            var blockRows = (int)Math.Min(rowsPerBlock, height - start);
            var count = blockRows * n;
            for (var r = 0; r < blockRows; r++)
            {
                builder.EvaluateRow(chip, start + r, domainRows, fingerprints, multiplicities, r * n);
            }

            ThrowOnZero(chip.Name, fingerprints.AsSpan(0, count), start, n);
            for (var c = 0; c < count; c += inversionChunk)
            {
                var length = Math.Min(inversionChunk, count - c);
                BatchInverse.Invert<BinomialExtension4<KoalaBear>>(fingerprints.AsSpan(c, length), inverses.AsSpan(c, length));
            }

            for (var r = 0; r < blockRows; r++)
            {
                var row = values.AsSpan((int)((start + r) * width), width);
                for (var k = 0; k < n; k++)
                {
                    var term = inverses[(r * n) + k] * multiplicities[(r * n) + k];
                    row[k / batchSize] += term;
                    busSums[busOf[k]] += term;
                    running += term;
                }

                row[layout.RunningSumColumn] = running;
            }
        }

        CheckPaddingRows(chip, builder, height, domainRows, fingerprints, multiplicities, n);
        return new AuxTrace(chip.Name, layout, height, values, [.. buses.Select((bus, i) => new BusSum(bus, busSums[i]))]);
    }

    // The rows past the real height are virtual: zero batch columns and a constant running sum. That is exact only
    // if every padding row's multiplicities vanish (the checker's CheckZeroRows shows it for a machine), so a chip
    // whose padding rows interact is refused rather than given a wrong sum. Alike rows fall into at most three runs.
    private static void CheckPaddingRows(
        IAir chip, InteractionRowBuilder builder, long height, long domainRows, BinomialExtension4<KoalaBear>[] fingerprints, KoalaBear[] multiplicities, int n)
    {
        Span<RowRun> runs = stackalloc RowRun[PaddedDomain.MaxPaddingRuns];
        var runCount = PaddedDomain.PaddingRuns(height, domainRows, runs);
        foreach (var run in runs[..runCount])
        {
            builder.EvaluateRow(chip, run.Row, domainRows, fingerprints, multiplicities, 0);
            for (var k = 0; k < n; k++)
            {
                if (!multiplicities[k].IsZero)
                {
                    throw new LogUpException(
                        $"chip {chip.Name}: interaction #{k} has multiplicity {multiplicities[k]} on padding row {run.Row}; " +
                        "the aux trace holds the running sum constant past the real rows");
                }
            }
        }
    }

    private static void ThrowOnZero(string chipName, ReadOnlySpan<BinomialExtension4<KoalaBear>> fingerprints, long firstRow, int n)
    {
        for (var i = 0; i < fingerprints.Length; i++)
        {
            if (fingerprints[i].IsZero)
            {
                throw new ZeroFingerprintException(chipName, firstRow + (i / n), i % n);
            }
        }
    }

    private static int IndexOfBus(IReadOnlyList<Bus> buses, Bus bus)
    {
        for (var i = 0; i < buses.Count; i++)
        {
            if (buses[i].Id == bus.Id)
            {
                return i;
            }
        }

        throw new InvalidOperationException($"bus {bus} is not among the chip's buses");
    }
}
