using BenchmarkDotNet.Attributes;
using StarkGpu.Device;
using StarkGpu.Device.Layout;

namespace StarkGpu.Benchmarks;

/// <summary>
/// Shared set-up of the kernel benchmarks: an accelerator per backend and the memory floor, a
/// device-to-device copy of as many bytes as the kernel under test reads plus writes.
/// </summary>
public abstract class DeviceBenchmark
{
    private DeviceBuffer<uint>? _floorSource;
    private DeviceBuffer<uint>? _floorDestination;

    [ParamsSource(nameof(Backends))]
    public string Backend { get; set; } = "cpu";

    public static IEnumerable<string> Backends => BackendCatalog.Available();

    protected Accelerator Accelerator { get; private set; } = null!;

    protected DeviceStream Stream { get; private set; } = null!;

    /// <summary>32-bit words the kernel under test reads plus writes.</summary>
    protected abstract long TrafficWords { get; }

    protected void SetUpDevice()
    {
        Accelerator = BackendCatalog.Open(Backend);
        Stream = Accelerator.CreateStream();
        // A copy reads and writes each word: half the traffic in words copied.
        _floorSource = Stream.AllocateZeroed<uint>(TrafficWords / 2);
        _floorDestination = Stream.AllocateZeroed<uint>(TrafficWords / 2);
    }

    /// <summary>The floor: the same bytes through the device's copy engine (memcpy on the CPU backend).</summary>
    [Benchmark(Baseline = true, Description = "floor: device copy of the same bytes")]
    public void CopyFloor()
    {
        Stream.CopyDeviceToDevice(_floorSource!, 0, _floorDestination!, 0, _floorSource!.Length);
        Stream.Synchronize();
    }

    /// <summary>The same copy by the portable copy kernel: all threads of the backend, where memcpy may use one.</summary>
    [Benchmark(Description = "floor: copy kernel of the same bytes")]
    public void CopyKernelFloor()
    {
        DeviceTranspose.Copy(Stream, _floorSource!, _floorDestination!, _floorSource!.Length);
        Stream.Synchronize();
    }

    protected void TearDownDevice()
    {
        _floorSource?.Dispose();
        _floorDestination?.Dispose();
        Stream.Dispose();
        Accelerator.Dispose();
    }
}
