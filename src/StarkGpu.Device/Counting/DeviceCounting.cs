using ILGPU;
using StarkGpu.Fields;
using StarkGpu.Kernels.Counting;

namespace StarkGpu.Device.Counting;

/// <summary>Launchers of kernels/StarkGpu.Kernels/Counting/CountingKernels.cs.</summary>
public static class DeviceCounting
{
    /// <summary>
    /// output[c] = the field element (Montgomery bits) of the sum over the <paramref name="setCount"/> consecutive sets of
    /// <c>output.Length</c> counters in <paramref name="sets"/>: a multiplicity column from a <see cref="DeviceCounters"/> table.
    /// </summary>
    public static void SumSets<TField>(DeviceStream stream, ArrayView<uint> sets, int setCount, ArrayView<uint> output)
        where TField : unmanaged, IPrimeField<TField>
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(setCount);
        if (sets.Length != setCount * output.Length)
        {
            throw new ArgumentException($"{setCount} sets of {output.Length} counters are {setCount * output.Length} words, not {sets.Length}", nameof(sets));
        }

        if (output.Length != 0)
        {
            var range = stream.Accelerator.Range(output.Length);
            stream.Launch(CountingKernels.SumSets<TField>, range.Workers, sets, output, setCount, range);
        }
    }
}
