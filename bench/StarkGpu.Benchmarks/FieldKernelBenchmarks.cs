using BenchmarkDotNet.Attributes;
using StarkGpu.Device;
using StarkGpu.Device.FieldOps;
using StarkGpu.Fields;

namespace StarkGpu.Benchmarks;

/// <summary>
/// A memory-bound field kernel (elementwise KoalaBear multiply, 2^24 elements: reads two words and
/// writes one per element) against a plain C# loop and against the copy floor.
/// </summary>
[MemoryDiagnoser]
public class FieldKernelBenchmarks : DeviceBenchmark
{
    private const int Length = 1 << 24;
    private KoalaBear[] _hostA = [];
    private KoalaBear[] _hostB = [];
    private KoalaBear[] _hostOut = [];
    private DeviceBuffer<KoalaBear>? _a;
    private DeviceBuffer<KoalaBear>? _b;
    private DeviceBuffer<KoalaBear>? _out;

    protected override long TrafficWords => 3L * Length;

    [GlobalSetup]
    public void SetUp()
    {
        SetUpDevice();
        var random = new Random(42);
        _hostA = new KoalaBear[Length];
        _hostB = new KoalaBear[Length];
        _hostOut = new KoalaBear[Length];
        for (var i = 0; i < Length; i++)
        {
            _hostA[i] = KoalaBear.FromCanonical((uint)random.Next());
            _hostB[i] = KoalaBear.FromCanonical((uint)random.Next());
        }

        _a = Stream.Upload<KoalaBear>(_hostA);
        _b = Stream.Upload<KoalaBear>(_hostB);
        _out = Stream.Allocate<KoalaBear>(Length);
    }

    [Benchmark(Description = "koalabear mul kernel")]
    public void MultiplyKernel()
    {
        DeviceFieldOps.Multiply(Stream, _a!, _b!, _out!);
        Stream.Synchronize();
    }

    [Benchmark(Description = "koalabear mul, plain C# loop (host, 1 thread)")]
    public void MultiplyCSharpLoop()
    {
        var a = _hostA;
        var b = _hostB;
        var output = _hostOut;
        for (var i = 0; i < output.Length; i++)
        {
            output[i] = a[i] * b[i];
        }
    }

    [GlobalCleanup]
    public void CleanUp()
    {
        _a?.Dispose();
        _b?.Dispose();
        _out?.Dispose();
        TearDownDevice();
    }
}
