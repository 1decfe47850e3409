using ILGPU;
using StarkGpu.Device;
using StarkGpu.Fields;
using StarkGpu.Kernels.Counting;
using StarkGpu.Kernels.Traces;

namespace StarkGpu.Engine.Chips;

/// <summary>
/// Launches a chip's row writer through the generic kernels of <see cref="TraceKernels"/> on a stream: the events are
/// staged, the kernel runs over the accelerator's work range, and the launch's checks (<see cref="RowChecks"/>) are
/// read back for the caller to turn into errors that name its chip.
/// </summary>
public static class DeviceRowWriters
{
    /// <summary>Writes <paramref name="events"/>' rows into <paramref name="output"/> without counting.</summary>
    public static RowChecks Write<TWriter, TEvent>(DeviceStream stream, ReadOnlyMemory<TEvent> events, DeviceMle<KoalaBear> output)
        where TWriter : struct, IRowWriter<TEvent>
        where TEvent : unmanaged =>
        Write<TWriter, TEvent, NoCounters>(stream, events, output, static _ => default);

    /// <summary>
    /// Writes <paramref name="events"/>' rows into <paramref name="output"/>, counting into the counters that
    /// <paramref name="counters"/> makes from the launch's two error words.
    /// </summary>
    public static RowChecks Write<TWriter, TEvent, TCounters>(
        DeviceStream stream, ReadOnlyMemory<TEvent> events, DeviceMle<KoalaBear> output, Func<ArrayView<uint>, TCounters> counters)
        where TWriter : struct, IRowWriter<TEvent>
        where TEvent : unmanaged
        where TCounters : struct, ICounters<TCounters>
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(counters);
        if (output.Height != events.Length || output.Width != TWriter.Width)
        {
            throw new ArgumentException($"{events.Length} events of a {TWriter.Width}-column writer need a {TWriter.Width} x {events.Length} trace, not {output.Width} x {output.Height}", nameof(output));
        }

        if (events.IsEmpty)
        {
            return RowChecks.None;
        }

        using var input = stream.Stage(events);
        using var checks = RowChecks.Allocate(stream);
        var range = stream.Accelerator.Range(events.Length);
        stream.Launch(TraceKernels.WriteRows<TWriter, TEvent, TCounters>, range.Workers, input.View, output.Cells, range, counters(checks.View.SubView(2, 2)), checks.View.SubView(0, 2));
        return RowChecks.Read(checks);
    }

    /// <summary>Counts <paramref name="events"/>' lookups into the counters <paramref name="counters"/> makes, without a trace.</summary>
    public static RowChecks Count<TWriter, TEvent, TCounters>(DeviceStream stream, ReadOnlyMemory<TEvent> events, Func<ArrayView<uint>, TCounters> counters)
        where TWriter : struct, IRowWriter<TEvent>
        where TEvent : unmanaged
        where TCounters : struct, ICounters<TCounters>
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(counters);
        if (events.IsEmpty)
        {
            return RowChecks.None;
        }

        using var input = stream.Stage(events);
        using var checks = RowChecks.Allocate(stream);
        var range = stream.Accelerator.Range(events.Length);
        stream.Launch(TraceKernels.CountRows<TWriter, TEvent, TCounters>, range.Workers, input.View, range, counters(checks.View.SubView(2, 2)), checks.View.SubView(0, 2));
        return RowChecks.Read(checks);
    }
}
