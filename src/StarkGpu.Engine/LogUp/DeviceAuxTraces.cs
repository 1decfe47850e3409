using StarkGpu.Device;
using StarkGpu.Engine.Air.Symbolic;
using StarkGpu.Engine.Checking;
using StarkGpu.Fields;
using StarkGpu.Kernels.LogUp;

namespace StarkGpu.Engine.LogUp;

/// <summary>
/// A chip's LogUp aux trace on the device, the same cells as <see cref="HostAuxTraces"/> bit for bit: the chip's
/// compiled interactions (<see cref="AuxProgram"/>) evaluated per row by <see cref="AuxKernels.Fingerprints"/>,
/// a chunked batch inversion over the extension (<see cref="ExtensionKernels.BatchInvert"/>), the batch columns
/// (<see cref="AuxKernels.Combine"/>) and the running sum by a three-launch scan. Every launch is ILGPU, so the
/// CPU accelerator runs it too.
/// </summary>
public static class DeviceAuxTraces
{
    /// <summary>Rows per chunk of the running-sum scan: few enough chunks for the one-item scan of their sums.</summary>
    public const int DefaultScanChunk = 1024;

    /// <summary>The aux trace of one chip, allocated on <paramref name="stream"/>; the caller owns it.</summary>
    /// <param name="main">The chip's column-major main trace; null when its rows are all virtual zeros.</param>
    /// <param name="preprocessed">Its preprocessed trace, null for none.</param>
    /// <param name="domainRows">The shard's padded domain (2^n rows, at least the traces' heights).</param>
    /// <exception cref="ZeroFingerprintException">Some interaction's fingerprint is zero.</exception>
    /// <exception cref="LogUpException">A padding row puts a tuple on a bus.</exception>
    public static DeviceAuxTrace Generate(
        DeviceStream stream,
        string chipName,
        SymbolicAirBuilder symbolic,
        DeviceMle<KoalaBear>? main,
        DeviceMle<KoalaBear>? preprocessed,
        IReadOnlyList<KoalaBear> publicValues,
        long domainRows,
        LogUpChallenges challenges,
        int batchSize = AuxLayout.DefaultBatchSize,
        int inversionChunk = HostAuxTraces.DefaultInversionChunk,
        int scanChunk = DefaultScanChunk)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(symbolic);
        ArgumentNullException.ThrowIfNull(publicValues);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inversionChunk);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(scanChunk);
        var n = symbolic.Interactions.Count;
        var layout = AuxLayout.Of(n, batchSize);
        var height = Math.Max(main?.Height ?? 0, preprocessed?.Height ?? 0);
        if (height > domainRows)
        {
            throw new ArgumentException($"chip {chipName}: {height} rows do not fit a domain of {domainRows} rows", nameof(domainRows));
        }

        if (n == 0 || height == 0)
        {
            return new DeviceAuxTrace(chipName, layout, height, null);
        }

        var program = AuxProgram.Compile(symbolic.Interactions);
        Span<RowRun> runs = stackalloc RowRun[PaddedDomain.MaxPaddingRuns];
        var runCount = PaddedDomain.PaddingRuns(height, domainRows, runs);
        var extraRows = new long[Math.Max(runCount, 1)];
        for (var i = 0; i < runCount; i++)
        {
            extraRows[i] = runs[i].Row;
        }

        var logicalRows = height + runCount;
        var cells = (long)height * n;
        var evaluated = logicalRows * (long)n;
        var range = stream.Accelerator.Range(logicalRows);
        var betaPowers = InteractionRowBuilder.BetaPowers(challenges.Beta, Math.Max(program.MaxTupleLength, 1));
        var aux = stream.Allocate<BinomialExtension4<KoalaBear>>((long)layout.Width * height);
        try
        {
            using var ops = stream.Upload<int>(program.Ops);
            using var operandA = stream.Upload<int>(program.OperandA);
            using var operandB = stream.Upload<int>(program.OperandB);
            using var interactions = stream.Upload<int>(program.Interactions);
            using var valueSlots = stream.Upload<int>(program.ValueSlots);
            using var constants = stream.Upload<KoalaBear>(program.Constants);
            using var powers = stream.Upload<BinomialExtension4<KoalaBear>>(betaPowers);
            using var publics = stream.Upload<KoalaBear>(publicValues.Count == 0 ? [KoalaBear.Zero] : [.. publicValues]);
            using var extra = stream.Upload<long>(extraRows);
            using var empty = stream.AllocateZeroed<KoalaBear>(1);
            using var scratch = stream.Allocate<KoalaBear>((long)range.Workers * program.SlotCount);
            using var fingerprints = stream.Allocate<BinomialExtension4<KoalaBear>>(evaluated);
            using var multiplicities = stream.Allocate<KoalaBear>(evaluated);
            var view = new AuxProgramView
            {
                Ops = ops.View,
                OperandA = operandA.View,
                OperandB = operandB.View,
                Interactions = interactions.View,
                ValueSlots = valueSlots.View,
                BetaPowers = powers.View,
                PublicValues = publics.View,
                Constants = constants.View,
            };
            var rows = new AuxRows
            {
                Main = new AuxTraceView { Cells = main?.Storage.View ?? empty.View, Height = main?.Height ?? 0 },
                Preprocessed = new AuxTraceView { Cells = preprocessed?.Storage.View ?? empty.View, Height = preprocessed?.Height ?? 0 },
                ExtraRows = extra.View,
                RealRows = height,
                DomainRows = domainRows,
                Alpha = challenges.Alpha,
            };
            stream.Launch(AuxKernels.Fingerprints, range.Workers, view, rows, scratch.View, fingerprints.View, multiplicities.View, range);

            using var inverses = stream.Allocate<BinomialExtension4<KoalaBear>>(cells);
            using var firstZero = stream.Upload<long>([long.MaxValue]);
            var chunks = (cells + inversionChunk - 1) / inversionChunk;
            var inversionRange = stream.Accelerator.Range(chunks);
            stream.Launch(
                ExtensionKernels.BatchInvert<KoalaBear>, inversionRange.Workers, fingerprints.View.SubView(0, cells), inverses.View, (long)inversionChunk,
                firstZero.View, inversionRange);

            using var rowTotals = stream.Allocate<BinomialExtension4<KoalaBear>>(height);
            var rowRange = stream.Accelerator.Range(height);
            stream.Launch(AuxKernels.Combine, rowRange.Workers, inverses.View, multiplicities.View, n, batchSize, aux.View, rowTotals.View, rowRange);
            InclusiveScan(stream, rowTotals, aux.View.SubView((long)layout.RunningSumColumn * height, height), scanChunk);

            ThrowOnZero(stream, chipName, firstZero, n);
            CheckPaddingRows(stream, chipName, multiplicities, cells, runs[..runCount], n);
            return new DeviceAuxTrace(chipName, layout, height, new DeviceMle<BinomialExtension4<KoalaBear>>(aux, layout.Width, height));
        }
        catch
        {
            aux.Dispose();
            throw;
        }
    }

    /// <summary>output[i] = input[0] + ... + input[i]: chunk sums, their exclusive scan, then each chunk from its offset.</summary>
    public static void InclusiveScan(
        DeviceStream stream, DeviceBuffer<BinomialExtension4<KoalaBear>> input, ILGPU.ArrayView<BinomialExtension4<KoalaBear>> output, int chunk)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(chunk);
        if (output.Length != input.Length)
        {
            throw new ArgumentException($"output has {output.Length} elements, input {input.Length}", nameof(output));
        }

        if (input.Length == 0)
        {
            return;
        }

        var chunks = (input.Length + chunk - 1) / chunk;
        using var sums = stream.Allocate<BinomialExtension4<KoalaBear>>(chunks);
        var range = stream.Accelerator.Range(chunks);
        stream.Launch(ExtensionKernels.ChunkSums<KoalaBear>, range.Workers, input.View, sums.View, (long)chunk, range);
        stream.Launch(ExtensionKernels.ExclusiveScanInPlace<KoalaBear>, 1, sums.View);
        stream.Launch(ExtensionKernels.ScanChunks<KoalaBear>, range.Workers, input.View, sums.View, output, (long)chunk, range);
    }

    private static void ThrowOnZero(DeviceStream stream, string chipName, DeviceBuffer<long> firstZero, int n)
    {
        var index = new long[1];
        stream.CopyToHost(firstZero, index);
        if (index[0] != long.MaxValue)
        {
            throw new ZeroFingerprintException(chipName, index[0] / n, (int)(index[0] % n));
        }
    }

    // As the host reference: rows past the height are virtual with a constant running sum, exact only if no
    // padding row interacts. Their multiplicities were evaluated after the real rows'.
    private static void CheckPaddingRows(
        DeviceStream stream, string chipName, DeviceBuffer<KoalaBear> multiplicities, long firstPadding, ReadOnlySpan<RowRun> runs, int n)
    {
        if (runs.Length == 0)
        {
            return;
        }

        var padding = new KoalaBear[runs.Length * n];
        stream.CopyToHost(multiplicities, padding, firstPadding);
        for (var i = 0; i < padding.Length; i++)
        {
            if (!padding[i].IsZero)
            {
                throw new LogUpException(
                    $"chip {chipName}: interaction #{i % n} has multiplicity {padding[i]} on padding row {runs[i / n].Row}; " +
                    "the aux trace holds the running sum constant past the real rows");
            }
        }
    }
}
