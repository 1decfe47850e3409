namespace StarkGpu.Engine.Scheduling;

/// <summary>Where device-capable chips generate their traces.</summary>
public enum TraceBackend
{
    /// <summary>Every chip on the host thread pool; traces are still delivered as device MLEs.</summary>
    Host,

    /// <summary>Device-capable chips by kernels on the CPU backend.</summary>
    Cpu,

    /// <summary>Device-capable chips by kernels on a CUDA GPU.</summary>
    Cuda,
}
