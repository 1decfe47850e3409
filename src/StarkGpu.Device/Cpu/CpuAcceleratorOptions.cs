namespace StarkGpu.Device.Cpu;

/// <summary>Settings of the CPU backend.</summary>
public sealed record CpuAcceleratorOptions
{
    /// <summary>
    /// Bytes of "device" memory the backend may hand out before it reports out-of-memory, as a GPU
    /// would. Defaults to half of the memory available to the process.
    /// </summary>
    public long MemoryLimitBytes { get; init; } = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 2;

    /// <summary>
    /// OS threads a launch runs on; 0 means one per processor. ILGPU's CPU accelerator runs two threads per simulated
    /// multiprocessor (one thread per warp does not work), so an odd count is rounded up to the next even one.
    /// </summary>
    public int Threads { get; init; }

    /// <summary>
    /// Bytes of freed blocks the backend keeps for reuse (they count against <see cref="MemoryLimitBytes"/> and are
    /// given back before an allocation would exceed it); null means a quarter of the limit, 0 disables reuse.
    /// </summary>
    public long? PoolRetainBytes { get; init; }
}
