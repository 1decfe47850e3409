using BenchmarkDotNet.Attributes;
using StarkGpu.Device;
using StarkGpu.Device.FieldOps;
using StarkGpu.Fields;
using StarkGpu.Fields.Poseidon2;

namespace StarkGpu.Benchmarks.Poseidon2;

/// <summary>
/// Poseidon2 permutations (KoalaBear, width 16) of 2^14 random states, per permutation (OperationsPerInvoke), side
/// by side: the plain scalar reference (baseline, 1 thread), the host path (<see cref="Poseidon2KoalaBear16.PermuteAll{TLayer}(Span{KoalaBear})"/>:
/// AVX-512, 16 states per vector; 1 thread and all cores), the portable body that the kernels run, on the host (1
/// thread), and the kernel on the backend (cpu: ILGPU's CPU accelerator, all cores; cuda where present). The host rows
/// do not depend on the backend parameter. Compute-bound: 64 bytes in and out per ~600 field multiplies.
/// </summary>
[MemoryDiagnoser]
public class Poseidon2Benchmarks
{
    private const int States = 1 << 14;
    private const int Words = States * Poseidon2KoalaBear16.Width;

    private ulong[] _reference = [];
    private KoalaBear[] _host = [];
    private Accelerator _accelerator = null!;
    private DeviceStream _stream = null!;
    private DevicePoseidon2 _device = null!;
    private DeviceBuffer<KoalaBear>? _buffer;

    [ParamsSource(nameof(Backends))]
    public string Backend { get; set; } = "cpu";

    public static IEnumerable<string> Backends => BackendCatalog.Available();

    [GlobalSetup]
    public void SetUp()
    {
        ScalarPoseidon2.RequireAgreement();
        var random = new Random(42);
        _reference = Enumerable.Range(0, Words).Select(_ => (ulong)random.NextInt64(KoalaBear.Modulus)).ToArray();
        _host = _reference.Select(v => KoalaBear.FromCanonical((uint)v)).ToArray();
        _accelerator = BackendCatalog.Open(Backend);
        _stream = _accelerator.CreateStream();
        _device = new DevicePoseidon2(_stream);
        _buffer = _stream.Upload<KoalaBear>(_host);
    }

    // Every benchmark permutes its buffer in place, again and again: a permutation's cost does not depend on its input.
    [Benchmark(Baseline = true, OperationsPerInvoke = States, Description = "plain scalar C# reference (ulong, %), 1 thread")]
    public void ScalarReference() => ScalarPoseidon2.PermuteAll(_reference);

    [Benchmark(OperationsPerInvoke = States, Description = "host portable body (the kernels' code), plonky3, 1 thread")]
    public void HostPortablePlonky3() => Poseidon2KoalaBear16.PermuteAllPortable<Plonky3InternalLayer>(_host);

    [Benchmark(OperationsPerInvoke = States, Description = "host PermuteAll (AVX-512), plonky3, 1 thread")]
    public void HostPlonky3() => Poseidon2KoalaBear16.PermuteAll<Plonky3InternalLayer>(_host);

    [Benchmark(OperationsPerInvoke = States, Description = "host PermuteAll (AVX-512), sp1, 1 thread")]
    public void HostSp1() => Poseidon2KoalaBear16.PermuteAll<Sp1InternalLayer>(_host);

    [Benchmark(OperationsPerInvoke = States, Description = "host PermuteAll (AVX-512), plonky3, all cores")]
    public void HostPlonky3Parallel()
    {
        // Whole 16-state blocks per worker, so every worker stays on the vector path.
        const int block = 16 * Poseidon2KoalaBear16.Width;
        var chunk = Words / Environment.ProcessorCount / block * block;
        Parallel.For(0, Environment.ProcessorCount, worker =>
        {
            var start = worker * chunk;
            var end = worker == Environment.ProcessorCount - 1 ? Words : start + chunk;
            Poseidon2KoalaBear16.PermuteAll<Plonky3InternalLayer>(_host.AsSpan(start, end - start));
        });
    }

    [Benchmark(OperationsPerInvoke = States, Description = "kernel, plonky3 layer")]
    public void KernelPlonky3()
    {
        _device.Permute<Plonky3InternalLayer>(_stream, _buffer!, _buffer!);
        _stream.Synchronize();
    }

    [Benchmark(OperationsPerInvoke = States, Description = "kernel, sp1 layer")]
    public void KernelSp1()
    {
        _device.Permute<Sp1InternalLayer>(_stream, _buffer!, _buffer!);
        _stream.Synchronize();
    }

    [GlobalCleanup]
    public void CleanUp()
    {
        _buffer?.Dispose();
        _device.Dispose();
        _stream.Dispose();
        _accelerator.Dispose();
    }
}
