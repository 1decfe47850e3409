namespace StarkGpu.Device;

/// <summary>A one-dimensional launch geometry. Backends choose it (portability rule 6).</summary>
public readonly record struct LaunchShape(uint Blocks, uint ThreadsPerBlock)
{
    public long Threads => (long)Blocks * ThreadsPerBlock;

    public override string ToString() => $"{Blocks} x {ThreadsPerBlock}";
}
