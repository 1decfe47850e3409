using StarkGpu.Device;

namespace StarkGpu.Rv32im.Chips.ByteLookup;

/// <summary>
/// Where a contributor's kernel adds its byte lookups on the device: <see cref="Counts"/> is the op-major
/// <c>uint32[OpcodeCount x Rows]</c> counter array (<see cref="ByteLookupTable"/>), added to with atomics;
/// <see cref="Errors"/> is one uint32 owned by this contributor, incremented once for every lookup outside the
/// table (which is then not counted). Kernels do both through <c>byte_lookup_add</c> in <c>rv32im_common.cuh</c>.
/// </summary>
public readonly record struct ByteLookupDeviceCounts(DevicePointer Counts, DevicePointer Errors);
