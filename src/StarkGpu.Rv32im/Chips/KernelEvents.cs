using StarkGpu.Device;
using StarkGpu.Rv32im.Events;

namespace StarkGpu.Rv32im.Chips;

/// <summary>What the event layouts (<c>CpuEventLayout</c>, <c>AluEventLayout</c>, <c>MemoryLocalEventLayout</c>) share.</summary>
internal static class KernelEvents
{
    /// <summary>
    /// Stages <paramref name="events"/> for the kernels as they lie in the record (read in place on the CPU backend,
    /// uploaded on a GPU), once the layout is known to be the kernels' own; otherwise throws with
    /// <paramref name="mismatch"/>'s description of the difference.
    /// </summary>
    public static DeviceInput<T> Stage<T>(DeviceStream stream, EventList<T> events, bool matchesKernel, Func<string> mismatch)
        where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(events);
        return matchesKernel ? stream.Stage(events.Memory) : throw new InvalidOperationException(mismatch());
    }
}
