namespace StarkGpu.Kernels.Tests.Host;

/// <summary>The event of <see cref="ProbeRow"/>: two words, and whether the writer must refuse it.</summary>
public struct ProbeEvent
{
    public uint X;
    public uint Y;
    public bool Refuse;
}
