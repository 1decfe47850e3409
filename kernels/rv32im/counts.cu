// counts.cu - multiplicity traces from counters: the ByteLookup chip's (one counter per byte operation and table row)
// and the Program chip's (one per instruction). Kernels count into `replicas` consecutive sets of `cells` counters
// (worker_slot in common.cuh: on the CPU backend a set per OS thread, so no atomics), summed here.
#include "rv32im_common.cuh"

// out[i] = the field element of the sum over the sets of counter i, reduced mod p as the host does (no real shard comes
// near p counts of one cell). The layout of the counters is the trace's: column-major, as many cells as the trace.
KERNEL void counts_to_trace(const uint32_t* __restrict__ counts, uint32_t replicas, uint32_t* __restrict__ out, uint64_t cells)
{
    GRID_LOOP(i, cells) {
        uint32_t sum = 0u;
        for (uint32_t r = 0; r < replicas; ++r) sum += counts[(uint64_t)r * cells + i];
        out[i] = kb_from_canonical(sum % KB_P);
    }
}
