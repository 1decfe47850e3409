using StarkGpu.Device;
using StarkGpu.Fields;

namespace StarkGpu.Engine.LogUp;

/// <summary>
/// One chip's aux trace in device memory: a column-major <see cref="DeviceMle{T}"/> over the extension field,
/// <c>Layout.Width</c> columns of <see cref="Height"/> rows (the same cells as <see cref="AuxTrace"/>; rows past
/// the height are virtual, docs/logup.md). <see cref="Trace"/> is null for a chip without interactions or rows.
/// Owns its memory.
/// </summary>
public sealed class DeviceAuxTrace : IDisposable
{
    internal DeviceAuxTrace(string chipName, AuxLayout layout, int height, DeviceMle<BinomialExtension4<KoalaBear>>? trace)
    {
        ChipName = chipName;
        Layout = layout;
        Height = height;
        Trace = trace;
    }

    public string ChipName { get; }

    public AuxLayout Layout { get; }

    public int Height { get; }

    public DeviceMle<BinomialExtension4<KoalaBear>>? Trace { get; }

    /// <summary>A row-major host copy, as <see cref="AuxTrace.Values"/> lays it out.</summary>
    public BinomialExtension4<KoalaBear>[] ToHostRowMajor() => Trace?.ToHostRowMajor() ?? [];

    /// <summary>The running sum of the last row, read back (zero without rows or interactions).</summary>
    public BinomialExtension4<KoalaBear> ReadCumulativeSum()
    {
        if (Trace is null)
        {
            return BinomialExtension4<KoalaBear>.Zero;
        }

        var last = new BinomialExtension4<KoalaBear>[1];
        Trace.Storage.Stream.CopyToHost(Trace.Storage, last, ((long)Layout.RunningSumColumn * Height) + Height - 1);
        return last[0];
    }

    public void Dispose() => Trace?.Dispose();
}
