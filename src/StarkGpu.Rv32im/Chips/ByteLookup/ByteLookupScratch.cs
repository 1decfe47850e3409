using StarkGpu.Device;
using StarkGpu.Engine.Chips;
using StarkGpu.Rv32im.Chips.Rows;

namespace StarkGpu.Rv32im.Chips.ByteLookup;

/// <summary>
/// The ByteLookup chip's counters for one call's device jobs (a <see cref="DeviceTraceContext"/> scratch). The chip
/// adds it while preparing, naming its sources that count on the device; each of those may claim the counters once
/// and count into them while its kernel writes its own trace, reading its events once instead of twice. The ByteLookup
/// chip, which runs after its sources, counts the sources that did not claim, adds the host-counted ones and sums
/// everything into its trace.
/// </summary>
/// <remarks>
/// <see cref="Counts"/> holds <see cref="KernelSets"/> counter sets for the kernels (one per worker on the CPU
/// accelerator, one on a GPU: <see cref="Accelerator.CounterSets"/>) and one more, after them, that no kernel writes:
/// the host-counted sources' counts are copied there, so they neither overwrite nor wait for what the kernels added.
/// A source reports its own lookups outside the table when its launch's checks are read back.
/// </remarks>
public sealed class ByteLookupScratch : IDisposable
{
    private readonly IByteLookupSource[] _sources;
    private readonly bool[] _claimed;

    internal ByteLookupScratch(DeviceStream stream, IByteLookupSource[] deviceSources)
    {
        _sources = deviceSources;
        _claimed = new bool[deviceSources.Length];
        KernelSets = stream.Accelerator.CounterSets;
        Counts = stream.AllocateZeroed<uint>((KernelSets + 1L) * ByteLookupTable.CountCells);
    }

    /// <summary>Counter sets the kernels add into.</summary>
    public int KernelSets { get; }

    internal DeviceBuffer<uint> Counts { get; }

    /// <summary>The device sources.</summary>
    internal IReadOnlyList<IByteLookupSource> Sources => _sources;

    /// <summary>The kernels' counter table (the sets before the host's).</summary>
    internal DeviceCounterTable Table => new(Counts.View, KernelSets, ByteLookupTable.CountCells, 0, 0);

    /// <summary>
    /// The counters <paramref name="source"/> adds its lookups to as it writes its trace, or null when the ByteLookup
    /// chip does not count it on the device in this call or it has claimed them already (it then must not count).
    /// </summary>
    public DeviceCounterTable? Claim(IByteLookupSource source)
    {
        var index = Array.IndexOf(_sources, source);
        if (index < 0 || _claimed[index])
        {
            return null;
        }

        _claimed[index] = true;
        return Table;
    }

    public void Dispose() => Counts.Dispose();
}
