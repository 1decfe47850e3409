namespace StarkGpu.Device.Cpu;

/// <summary>Settings of the CPU backend.</summary>
public sealed record CpuAcceleratorOptions
{
    /// <summary>
    /// Bytes of "device" memory the backend may hand out before it reports out-of-memory, as a GPU
    /// would. Defaults to half of the memory available to the process.
    /// </summary>
    public long MemoryLimitBytes { get; init; } = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 2;

    /// <summary>OpenMP threads per launch of this accelerator; 0 means one per processor.</summary>
    public int Threads { get; init; }

    /// <summary>Which build of the kernel library to run; the AVX-512 one by default where the processor has it.</summary>
    public CpuKernelBuild Kernels { get; init; } = CpuKernelBuild.Auto;

    /// <summary>Blocks per launch for each thread (the prototype measured ~8 as best).</summary>
    public int BlocksPerThread { get; init; } = 8;

    /// <summary>
    /// Bytes of freed blocks the backend keeps for reuse (they count against <see cref="MemoryLimitBytes"/> and are
    /// given back before an allocation would exceed it); null means a quarter of the limit, 0 disables reuse.
    /// </summary>
    public long? PoolRetainBytes { get; init; }
}
