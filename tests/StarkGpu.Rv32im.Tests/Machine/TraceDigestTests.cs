using StarkGpu.Device;
using StarkGpu.Device.Cpu;
using StarkGpu.Engine.Digests;
using StarkGpu.Engine.Scheduling;
using StarkGpu.Rv32im.Elf;
using StarkGpu.Rv32im.Events;
using StarkGpu.Rv32im.Execution;
using StarkGpu.Rv32im.Tests.Support;

namespace StarkGpu.Rv32im.Tests.Machine;

/// <summary>
/// Trace digests (<see cref="TraceDigest"/>) name a trace exactly: the same guest gives the same digests ten times,
/// on the host and cpu backends, with 1, 2 and 4 worker threads, from a batch execution and from streamed shards
/// with 1, 2 and 3 in flight; another hint gives other digests.
/// </summary>
public sealed class TraceDigestTests
{
    /// <summary>Backend, worker threads, and shards in flight (null: every record kept, as <see cref="Executor.Execute"/> does).</summary>
    private static readonly (TraceBackend Backend, int Threads, int? InFlight)[] Runs =
    [
        (TraceBackend.Host, 2, null), (TraceBackend.Host, 1, null), (TraceBackend.Host, 4, null), (TraceBackend.Cpu, 1, null),
        (TraceBackend.Cpu, 2, null), (TraceBackend.Host, 2, 1), (TraceBackend.Host, 1, 2), (TraceBackend.Host, 2, 3),
        (TraceBackend.Cpu, 1, 2), (TraceBackend.Cpu, 2, 1),
    ];

    [Test]
    public void TenRunsOnEveryBackendThreadCountAndPipelineGiveTheSameDigests()
    {
        // hash_chain of one link: about 6,000 cycles, so three shards (each with its 2^16-row ByteLookup table).
        IReadOnlyList<byte[]> hints = [GuestPrograms.Words(1)];
        var (backend, threads, inFlight) = Runs[0];
        var expected = Digests("hash_chain", hints, backend, threads, inFlight);
        Assert.That(expected.Keys, Has.Some.Contains("in shard 3"), "several shards");
        foreach (var run in Runs.Skip(1))
        {
            Assert.That(Digests("hash_chain", hints, run.Backend, run.Threads, run.InFlight), Is.EqualTo(expected), run.ToString());
        }
    }

    [Test]
    public void AnotherHintGivesOtherDigests()
    {
        var hints = GuestPrograms.HintsOf("hints");
        var changed = new[] { hints[0], GuestPrograms.Words(100, 200, 300, 401, 5) };
        var original = Digests("hints", hints, TraceBackend.Host, threads: 2);
        var other = Digests("hints", changed, TraceBackend.Host, threads: 2);
        Assert.That(other, Is.Not.EqualTo(original));
        Assert.That(other.Keys, Is.EquivalentTo(original.Keys), "the same chips, other contents");
    }

    [Test]
    public void ShapeIsPartOfTheDigest()
    {
        // Two all-zero traces of different widths hold the same (no) bytes: their digests still differ.
        using var narrow = Device.PaddedMle<Fields.KoalaBear>.Zeros(3, 4);
        using var wide = Device.PaddedMle<Fields.KoalaBear>.Zeros(4, 4);
        Assert.That(TraceDigest.Of(narrow), Is.Not.EqualTo(TraceDigest.Of(wide)));
    }

    /// <summary>Chip (with shard) to hex digest of every preprocessed and main trace of a guest.</summary>
    private static SortedDictionary<string, string> Digests(
        string name, IReadOnlyList<byte[]> hints, TraceBackend backend, int threads, int? shardsInFlight = null)
    {
        var program = ElfLoader.LoadFile(RepoPaths.GuestElf(name));
        var options = new ExecutionOptions { Mode = ExecutionMode.Recording, ShardSize = 1 << 11, Hints = hints };
        using var accelerator = Accelerators.Cpu(new CpuAcceleratorOptions { Threads = threads });
        using var semaphore = new ProverSemaphore();
        var generator = new TraceGenerator<ExecutionRecord, Program>(Rv32imMachine.Create(program), accelerator, semaphore, new TraceGeneratorOptions { Backend = backend });
        var digests = new SortedDictionary<string, string>(StringComparer.Ordinal);
        using (var preprocessed = generator.GeneratePreprocessedTracesAsync(program).GetAwaiter().GetResult())
        {
            foreach (var (chip, trace) in preprocessed.Traces)
            {
                digests[$"{chip} (preprocessed)"] = Convert.ToHexString(TraceDigest.Of(trace));
            }
        }

        void Add(ExecutionRecord record, MainTraceData traces)
        {
            foreach (var (chip, trace) in traces.Traces)
            {
                digests[$"{chip} in shard {record.Shard}"] = Convert.ToHexString(TraceDigest.Of(trace));
            }
        }

        if (shardsInFlight is { } inFlight)
        {
            using var stream = Executor.ExecuteStreaming(program, options, inFlight);
            var report = ShardPipeline.RunAsync(generator, stream.Records, (record, traces) =>
            {
                Add(record, traces);
                return ValueTask.CompletedTask;
            }).GetAwaiter().GetResult();
            using var streamed = stream.Completion.GetAwaiter().GetResult();
            Assert.That(report.Shards, Is.EqualTo(streamed.ShardCount));
            return digests;
        }

        using var result = Executor.Execute(program, options);
        foreach (var record in result.Shards)
        {
            using var traces = generator.GenerateMainTracesAsync(record).GetAwaiter().GetResult();
            Add(record, traces);
        }

        return digests;
    }
}
