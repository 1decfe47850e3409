using StarkGpu.Device;
using StarkGpu.Device.Cpu;

namespace StarkGpu.Rv32im.Chips;

/// <summary>
/// Counting on the device (the ByteLookup and Program multiplicities): how many counter sets the kernels add into,
/// and the entry point of <c>kernels/rv32im/counts.cu</c> that turns the sets into a multiplicity trace.
/// </summary>
public static class CountKernels
{
    /// <summary>
    /// (const uint32* counts, uint32 replicas, uint32* out, uint64 cells): sums <c>replicas</c> consecutive sets of
    /// <c>cells</c> counters into <c>out</c> as field elements (the ByteLookup and Program multiplicities).
    /// </summary>
    public const string SumToTrace = "counts_to_trace";

    /// <summary>
    /// Counter sets a counting kernel adds into (<c>worker_slot</c>): on the CPU backend one per OS thread of a launch,
    /// so each set has one writer and needs no atomics; on a GPU one, added to atomically.
    /// </summary>
    public static uint Sets(Accelerator accelerator)
    {
        ArgumentNullException.ThrowIfNull(accelerator);
        return accelerator is CpuAccelerator cpu ? (uint)cpu.Threads : 1u;
    }
}
