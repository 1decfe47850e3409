namespace StarkGpu.Device.FieldOps;

/// <summary>Argument checks shared by the field launchers: a kernel trusts its lengths blindly.</summary>
internal static class LaunchChecks
{
    public static void SameLength<TA, TB>(DeviceBuffer<TA> first, DeviceBuffer<TB> second, string secondName)
        where TA : unmanaged
        where TB : unmanaged
    {
        if (first.Length != second.Length)
        {
            throw new ArgumentException($"{secondName} has {second.Length} elements where {first.Length} are needed", secondName);
        }
    }

    /// <summary>Kernels that write prefix products into their output must not read overlapping input.</summary>
    public static void Disjoint<T>(DeviceBuffer<T> input, DeviceBuffer<T> output, string outputName) where T : unmanaged
    {
        if (input.SizeInBytes == 0 || output.SizeInBytes == 0)
        {
            return;
        }

        var inputStart = input.Pointer.Address;
        var outputStart = output.Pointer.Address;
        var overlaps = inputStart < outputStart + (ulong)output.SizeInBytes && outputStart < inputStart + (ulong)input.SizeInBytes;
        if (overlaps)
        {
            throw new ArgumentException("input and output must not overlap", outputName);
        }
    }
}
