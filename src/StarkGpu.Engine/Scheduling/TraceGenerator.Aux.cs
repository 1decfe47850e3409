using StarkGpu.Device;
using StarkGpu.Engine.LogUp;
using StarkGpu.Fields;

namespace StarkGpu.Engine.Scheduling;

public sealed partial class TraceGenerator<TRecord, TProgram>
{
    /// <summary>
    /// The LogUp aux traces of a shard (docs/logup.md), on the device, from its main traces and the challenges.
    /// Takes ownership of <paramref name="main"/>: the aux traces are generated under its permit (one prover, one
    /// permit: taking a second would deadlock a semaphore of one), and the result owns that permit, the main
    /// traces and the aux memory, all freed by disposing it. Every failure frees the aux memory made so far, disposes
    /// <paramref name="main"/> (releasing the permit) and throws.
    /// </summary>
    /// <param name="preprocessed">The program's preprocessed traces (borrowed; null when no chip has any).</param>
    /// <exception cref="ZeroFingerprintException">Some interaction's fingerprint is zero.</exception>
    /// <exception cref="LogUpException">A padding row puts a tuple on a bus.</exception>
    /// <exception cref="TraceGenerationException">A kernel failed; names the chip.</exception>
    /// <exception cref="ObjectDisposedException"><paramref name="main"/> was already disposed.</exception>
    public async Task<AuxTraceData> GenerateAuxTracesAsync(
        MainTraceData main,
        IReadOnlyDictionary<string, PaddedMle<KoalaBear>>? preprocessed,
        LogUpChallenges challenges,
        int batchSize = AuxLayout.DefaultBatchSize,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(main);
        if (main.Permit.IsReleased)
        {
            throw new ObjectDisposedException(nameof(main), "the main traces were disposed: their permit is released");
        }

        DeviceStream? stream = null;
        var traces = new SortedDictionary<string, DeviceAuxTrace>(StringComparer.Ordinal);
        string? current = null;
        try
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
            using var activity = TraceTelemetry.Source.StartActivity("generate-aux-traces");
            stream = _accelerator.CreateStream();
            var kernelStream = stream;
            await Task.Run(
                () =>
                {
                    foreach (var name in main.ShardChips)
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                        current = name;
                        var trace = main.Traces[name];
                        var chipPreprocessed = preprocessed?.GetValueOrDefault(name)?.Inner;
                        if (_machine.ByName(name).PreprocessedWidth > 0 && preprocessed?.ContainsKey(name) != true)
                        {
                            throw new ArgumentException($"chip {name} has preprocessed columns but no preprocessed trace was given", nameof(preprocessed));
                        }

                        traces.Add(name, DeviceAuxTraces.Generate(
                            kernelStream, name, _machine.Symbolic(name), trace.Inner, chipPreprocessed, main.PublicValues, trace.PaddedHeight, challenges, batchSize));
                    }

                    kernelStream.Synchronize();
                },
                cancellationToken).ConfigureAwait(false);
            return new AuxTraceData(traces, stream, main);
        }
        catch (Exception e)
        {
            foreach (var trace in traces.Values)
            {
                trace.Dispose();
            }

            stream?.Dispose();
            main.Dispose();
            if (e is LogUpException or OperationCanceledException or ArgumentException)
            {
                throw;
            }

            throw new TraceGenerationException(current ?? "(none)", $"aux trace generation failed: {e.Message}", e);
        }
    }
}
