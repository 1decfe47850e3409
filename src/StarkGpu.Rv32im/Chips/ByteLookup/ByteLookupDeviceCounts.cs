using StarkGpu.Device;

namespace StarkGpu.Rv32im.Chips.ByteLookup;

/// <summary>
/// Where a contributor's kernel adds its byte lookups on the device: <see cref="Counts"/> holds
/// <see cref="Replicas"/> consecutive op-major <c>uint32[OpcodeCount x Rows]</c> counter sets
/// (<see cref="ByteLookupTable"/>), of which a thread adds into set <c>worker_slot(Replicas)</c> (its OS thread on
/// the CPU backend; summed afterwards by the ByteLookup chip); <see cref="Errors"/> is one uint32 owned by this contributor, incremented once for every lookup
/// outside the table (which is then not counted). Kernels take <c>(counts, errors, replicas)</c> and do both
/// through <c>byte_lookup_replica</c> and <c>byte_lookup_add</c> in <c>rv32im_common.cuh</c>.
/// </summary>
public readonly record struct ByteLookupDeviceCounts(DevicePointer Counts, DevicePointer Errors, uint Replicas);
