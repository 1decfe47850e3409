// bytelookup.cu - the ByteLookup chip (src/StarkGpu.Rv32im/Chips/ByteLookup/ByteLookupChip.cs): its preprocessed
// table and a counter for listed lookups (counts_to_trace in counts.cu turns the counts into its multiplicity trace). Each
// ALU chip's own file counts the lookups of its events.
#include "rv32im_common.cuh"

// Preprocessed columns (ByteLookupColumns.cs).
#define BL_B   0u
#define BL_C   1u
#define BL_AND 2u
#define BL_OR  3u
#define BL_XOR 4u
#define BL_LTU 5u
#define BL_MSB 6u

// Row b * 256 + c holds (b, c, b & c, b | c, b ^ c, b < c, bit 7 of b).
KERNEL void bytelookup_preprocessed_trace(uint32_t* __restrict__ out, uint64_t height)
{
    GRID_LOOP(i, height) {
        const uint32_t b = (uint32_t)(i >> 8) & 0xffu, c = (uint32_t)i & 0xffu;
        const TraceRow row = trace_row(out, height, i);
        row.set_canonical(BL_B, b);
        row.set_canonical(BL_C, c);
        row.set_canonical(BL_AND, b & c);
        row.set_canonical(BL_OR, b | c);
        row.set_canonical(BL_XOR, b ^ c);
        row.set_bool(BL_LTU, b < c);
        row.set_canonical(BL_MSB, b >> 7);
    }
}

// Counts lookups given as (op, b, c) triples.
KERNEL void bytelookup_count_listed(const uint32_t* __restrict__ lookups, uint64_t count, uint32_t* all_counts, uint32_t* errors, uint32_t replicas)
{
    uint32_t* const counts = byte_lookup_replica(all_counts, replicas);
    GRID_LOOP(i, count) {
        byte_lookup_add(counts, errors, lookups[3 * i], lookups[3 * i + 1], lookups[3 * i + 2]);
    }
}
