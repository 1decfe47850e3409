using StarkGpu.Fields;
using StarkGpu.Kernels.Counting;
using StarkGpu.Kernels.Traces;

namespace StarkGpu.Device.Tests.Launch;

// Types a kernel uses must be public (ILGPU's CPU accelerator emits its launcher in an assembly of its own) and blittable.

/// <summary>An event of the test chip: a value, and whether the writer refuses it.</summary>
public struct TestEvent
{
    public uint Value;
    public uint Refuse; // not bool: kernel data must be blittable
}

/// <summary>Two columns: the value canonical and as a field element; counts the value's low byte.</summary>
public struct TestRow : IRowWriter<TestEvent>
{
    public static int Width => 2;

    public static bool Write<TRow, TCounters>(in TestEvent e, long index, ref TRow row, ref TCounters counters)
        where TRow : struct, ITraceRow
        where TCounters : struct, ICounters<TCounters>
    {
        row.SetCanonical(0, e.Value);
        row.SetField(1, KoalaBear.FromCanonical(e.Value));
        counters.Increment(0, e.Value & 0xff);
        return e.Refuse == 0;
    }
}
