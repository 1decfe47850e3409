using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using StarkGpu.Device;
using StarkGpu.Device.Cpu;
using StarkGpu.Engine.Scheduling;

namespace StarkGpu.Benchmarks.Scheduling;

/// <summary>
/// Does the scheduler overlap host and device work? A host chip and a device chip calibrated to take
/// about the same time alone, then both in one call. Overlap ratio = Both / max(HostOnly, DeviceOnly):
/// 1.0 is perfect overlap, 2.0 is running them one after the other. The CPU backend gets one thread so
/// that the host chip has the other core of a 2-core machine, as a GPU leaves the host's cores free.
/// </summary>
public class SchedulerOverlapBenchmarks
{
    private const int CalibrationRows = 1 << 14;
    private Accelerator _accelerator = null!;
    private TraceGenerator<OverlapRecord, object> _generator = null!;
    private int _hostRows;
    private int _deviceRows;

    [GlobalSetup]
    public void SetUp()
    {
        _accelerator = new CpuAccelerator(new CpuAcceleratorOptions { Threads = 1 });
        _generator = new TraceGenerator<OverlapRecord, object>(
            OverlapMachine.Create(), _accelerator, new ProverSemaphore(1), new TraceGeneratorOptions { MaxLogRowCount = 24, Backend = TraceBackend.Cpu });

        // Calibrate: the device chip gets as many rows as match the host chip's time for 2^16 rows.
        Generate(CalibrationRows, 0);
        Generate(0, CalibrationRows);
        var host = Time(() => Generate(CalibrationRows, 0));
        var device = Time(() => Generate(0, CalibrationRows));
        _hostRows = 1 << 16;
        _deviceRows = (int)Math.Min(1 << 22, _hostRows * (host / device));
        Console.WriteLine($"// overlap calibration: host {host * 1e3:F1} ms, device {device * 1e3:F1} ms per {CalibrationRows} rows; host rows {_hostRows}, device rows {_deviceRows}");
    }

    [Benchmark(Description = "host chip alone")]
    public void HostOnly() => Generate(_hostRows, 0);

    [Benchmark(Description = "device chip alone")]
    public void DeviceOnly() => Generate(0, _deviceRows);

    [Benchmark(Description = "both in one call")]
    public void Both() => Generate(_hostRows, _deviceRows);

    [GlobalCleanup]
    public void CleanUp() => _accelerator.Dispose();

    private void Generate(int hostRows, int deviceRows)
    {
        using var traces = _generator.GenerateMainTracesAsync(new OverlapRecord(hostRows, deviceRows)).GetAwaiter().GetResult();
    }

    private static double Time(Action action)
    {
        var clock = Stopwatch.StartNew();
        action();
        return clock.Elapsed.TotalSeconds;
    }
}
