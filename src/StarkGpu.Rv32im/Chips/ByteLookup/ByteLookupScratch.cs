using StarkGpu.Device;
using StarkGpu.Engine.Chips;

namespace StarkGpu.Rv32im.Chips.ByteLookup;

/// <summary>
/// The ByteLookup chip's counters for one call's device jobs (a <see cref="DeviceTraceContext"/> scratch). The chip
/// adds it while preparing, naming its sources that count on the device; each of those may claim its slot once and
/// count into it while its kernel writes its own trace, reading its events once instead of twice. The ByteLookup
/// chip, which runs after its sources, counts the sources that did not claim, adds the host-counted ones and sums
/// everything into its trace.
/// </summary>
/// <remarks>
/// <see cref="Counts"/> holds <see cref="KernelSets"/> counter sets for the kernels (see <c>worker_slot</c>) and one
/// more, after them, that no kernel writes: the host-counted sources' counts are copied there, so they neither
/// overwrite nor wait for what the kernels added. <see cref="Errors"/> has one slot per device source.
/// </remarks>
public sealed class ByteLookupScratch : IDisposable
{
    private readonly IByteLookupSource[] _sources;
    private readonly bool[] _claimed;

    internal ByteLookupScratch(DeviceStream stream, IByteLookupSource[] deviceSources)
    {
        _sources = deviceSources;
        _claimed = new bool[deviceSources.Length];
        KernelSets = CountKernels.Sets(stream.Accelerator);
        Counts = stream.AllocateZeroed<uint>((KernelSets + 1L) * ByteLookupTable.CountCells);
        try
        {
            Errors = stream.AllocateZeroed<uint>(Math.Max(deviceSources.Length, 1));
        }
        catch
        {
            Counts.Dispose();
            throw;
        }
    }

    /// <summary>Counter sets the kernels add into.</summary>
    public uint KernelSets { get; }

    internal DeviceBuffer<uint> Counts { get; }

    internal DeviceBuffer<uint> Errors { get; }

    /// <summary>The device sources, in the order of their error slots.</summary>
    internal IReadOnlyList<IByteLookupSource> Sources => _sources;

    /// <summary>
    /// The counters <paramref name="source"/> adds its lookups to as it writes its trace, or null when the ByteLookup
    /// chip does not count it on the device in this call or it has claimed them already (it then must not count).
    /// </summary>
    public ByteLookupDeviceCounts? Claim(IByteLookupSource source)
    {
        var index = Array.IndexOf(_sources, source);
        if (index < 0 || _claimed[index])
        {
            return null;
        }

        _claimed[index] = true;
        return Slot(index);
    }

    public void Dispose()
    {
        Counts.Dispose();
        Errors.Dispose();
    }

    private ByteLookupDeviceCounts Slot(int index) => new(Counts.Pointer, Errors.At(index), KernelSets);
}
