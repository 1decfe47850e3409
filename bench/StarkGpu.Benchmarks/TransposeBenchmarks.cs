using BenchmarkDotNet.Attributes;
using StarkGpu.Device;
using StarkGpu.Device.Layout;
using StarkGpu.Fields;
using StarkGpu.Kernels.Host;

namespace StarkGpu.Benchmarks;

/// <summary>
/// The row-major to column-major transpose every host trace takes to the device (2^20 rows x 64
/// columns, a typical chip trace), against a plain C# transpose and the copy floor.
/// </summary>
[MemoryDiagnoser]
public class TransposeBenchmarks : DeviceBenchmark
{
    private const int Rows = 1 << 20;
    private const int Columns = 64;
    private uint[] _hostIn = [];
    private uint[] _hostOut = [];
    private DeviceBuffer<uint>? _in;
    private DeviceBuffer<uint>? _out;

    protected override long TrafficWords => 2L * Rows * Columns;

    [GlobalSetup]
    public void SetUp()
    {
        SetUpDevice();
        var random = new Random(42);
        _hostIn = new uint[Rows * Columns];
        _hostOut = new uint[Rows * Columns];
        for (var i = 0; i < _hostIn.Length; i++)
        {
            _hostIn[i] = (uint)random.Next();
        }

        _in = Stream.Upload<uint>(_hostIn);
        _out = Stream.Allocate<uint>(_hostIn.Length);
    }

    [Benchmark(Description = "transpose kernel")]
    public void TransposeKernel()
    {
        DeviceTranspose.RowsToColumns(Stream, _in!, _out!, Rows, Columns);
        Stream.Synchronize();
    }

    /// <summary>The host path's transpose (AVX-512 16 x 16 register transposes, all cores), which host-only chips' traces take.</summary>
    [Benchmark(Description = "transpose, HostTraces.TransposeToColumns (host, all cores)")]
    public unsafe void TransposeHost()
    {
        fixed (uint* input = _hostIn)
        fixed (uint* output = _hostOut)
        {
            HostTraces.TransposeToColumns((KoalaBear*)input, Rows, Columns, (KoalaBear*)output);
        }
    }

    [Benchmark(Description = "transpose, plain C# loop (host, 1 thread)")]
    public void TransposeCSharpLoop()
    {
        var input = _hostIn;
        var output = _hostOut;
        for (var r = 0; r < Rows; r++)
        {
            for (var c = 0; c < Columns; c++)
            {
                output[(c * Rows) + r] = input[(r * Columns) + c];
            }
        }
    }

    [GlobalCleanup]
    public void CleanUp()
    {
        _in?.Dispose();
        _out?.Dispose();
        TearDownDevice();
    }
}
