using CommunityToolkit.HighPerformance;
using StarkGpu.Device;
using StarkGpu.Engine.Chips;
using StarkGpu.Fields;

namespace StarkGpu.Engine.Scheduling;

/// <summary>Writes a column-major host trace into <paramref name="columns"/> (every cell), with the scratch of the call's column jobs.</summary>
internal delegate void ColumnWriter(DeviceTraceContext context, Span<KoalaBear> columns);

/// <summary>
/// One trace to make, already bound to its chip and input: on the host row-major before the permit (then copied
/// and transposed), on the host column-major after the permit straight into device-visible memory (the host backend's
/// fast path for chips with row writers), or on the device (column-major, written in place). Preprocessed and main
/// traces become the same kind of job, so one scheduler serves both and a combined call shares one permit.
/// </summary>
internal sealed class TraceJob
{
    private TraceJob(
        string chip, string key, int rows, int width, Action<Span2D<KoalaBear>>? host, Action<DeviceTraceContext, DeviceMle<KoalaBear>>? device,
        Action<DeviceTraceContext>? prepare = null, int order = 0, ColumnWriter? columns = null)
    {
        Columns = columns;
        Prepare = prepare;
        Order = order;
        Chip = chip;
        Key = key;
        Rows = rows;
        Width = width;
        Host = host;
        Device = device;
    }

    /// <summary>The chip, for error messages and reports.</summary>
    public string Chip { get; }

    /// <summary>Where the result goes: the chip name, prefixed for preprocessed traces.</summary>
    public string Key { get; }

    public int Rows { get; }

    public int Width { get; }

    public Action<Span2D<KoalaBear>>? Host { get; }

    public Action<DeviceTraceContext, DeviceMle<KoalaBear>>? Device { get; }

    /// <summary>Runs before any device job of the call (<see cref="Chip{TRecord,TProgram}.PrepareDeviceMainTrace"/>).</summary>
    public Action<DeviceTraceContext>? Prepare { get; }

    /// <summary>Device jobs run in ascending order (<see cref="Chip{TRecord,TProgram}.DeviceOrder"/>), then as planned.</summary>
    public int Order { get; }

    /// <summary>The column-major host writer of a job that runs after the permit into device-visible memory.</summary>
    public ColumnWriter? Columns { get; }

    public bool OnDevice => Device is not null;

    public bool IntoDevice => Columns is not null;

    public long Elements => (long)Rows * Width;

    public static TraceJob OnHost(string chip, string key, int rows, int width, Action<Span2D<KoalaBear>> generate) =>
        new(chip, key, rows, width, generate, null);

    public static TraceJob OnHostIntoDevice(
        string chip, string key, int rows, int width, ColumnWriter generate, Action<DeviceTraceContext>? prepare = null, int order = 0) =>
        new(chip, key, rows, width, null, null, prepare, order, generate);

    public static TraceJob OnDeviceKernels(
        string chip, string key, int rows, int width, Action<DeviceTraceContext, DeviceMle<KoalaBear>> generate,
        Action<DeviceTraceContext>? prepare = null, int order = 0) =>
        new(chip, key, rows, width, null, generate, prepare, order);
}
