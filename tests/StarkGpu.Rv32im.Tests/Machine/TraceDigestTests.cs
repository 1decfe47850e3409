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
/// Trace digests (<see cref="TraceDigest"/>) name a trace exactly: the same guest gives the same digests on the host
/// and cpu backends, with 2 and 4 worker threads, run after run; another hint gives other digests.
/// </summary>
public sealed class TraceDigestTests
{
    [Test]
    public void EveryBackendThreadCountAndRunGivesTheSameDigests()
    {
        var hints = GuestPrograms.HintsOf("hints");
        var expected = Digests("hints", hints, TraceBackend.Host, threads: 2);
        Assert.That(expected, Is.Not.Empty);
        Assert.That(Digests("hints", hints, TraceBackend.Host, threads: 2), Is.EqualTo(expected), "host, run again");
        Assert.That(Digests("hints", hints, TraceBackend.Host, threads: 4), Is.EqualTo(expected), "host, 4 threads");
        Assert.That(Digests("hints", hints, TraceBackend.Cpu, threads: 2), Is.EqualTo(expected), "cpu backend");
        Assert.That(Digests("hints", hints, TraceBackend.Cpu, threads: 4), Is.EqualTo(expected), "cpu backend, 4 threads");
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
    private static SortedDictionary<string, string> Digests(string name, IReadOnlyList<byte[]> hints, TraceBackend backend, int threads)
    {
        var program = ElfLoader.LoadFile(RepoPaths.GuestElf(name));
        using var result = Executor.Execute(program, new ExecutionOptions { Mode = ExecutionMode.Recording, ShardSize = 1 << 12, Hints = hints });
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

        foreach (var record in result.Shards)
        {
            using var traces = generator.GenerateMainTracesAsync(record).GetAwaiter().GetResult();
            foreach (var (chip, trace) in traces.Traces)
            {
                digests[$"{chip} in shard {record.Shard}"] = Convert.ToHexString(TraceDigest.Of(trace));
            }
        }

        return digests;
    }
}
