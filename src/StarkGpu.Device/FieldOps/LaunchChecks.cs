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
}
