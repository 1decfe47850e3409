// bitwise.cu - the Bitwise chip (src/StarkGpu.Rv32im/Chips/Alu/BitwiseChip.cs): its trace and its byte lookups.
// Columns are BitwiseColumns.cs; the host row writer (BitwiseChip.WriteRow) must produce the same bits.
#include "rv32im_common.cuh"

#define BW_A      0u
#define BW_B      4u
#define BW_C      8u
#define BW_IS_XOR 12u
#define BW_IS_OR  13u
#define BW_IS_AND 14u
#define BW_WIDTH  15u

struct BitwiseRow : AluLaneRow {
    template <typename E, typename Row>
    __device__ __forceinline__ void write(const E& e, const Row& row) const
    {
        set_operand_words(row, e, BW_A);
        row.set_bool(BW_IS_XOR, e.opcode == OPCODE_XOR);
        row.set_bool(BW_IS_OR, e.opcode == OPCODE_OR);
        row.set_bool(BW_IS_AND, e.opcode == OPCODE_AND);
    }
};

KERNEL void bitwise_trace(const AluEvent* __restrict__ events, uint32_t* __restrict__ out, uint64_t height)
{
    write_trace_rows<BW_WIDTH>(events, out, height, BitwiseRow());
}

// BitwiseChip.CountEventByteLookups: one (op, b_i, c_i) lookup per limb. An event of another opcode is an error
// (the host count throws), flagged through the out-of-range opcode BYTE_OPCODE_COUNT.
struct BitwiseLookups {
    static __device__ __forceinline__ void count(const AluEvent& e, uint32_t* counts, uint32_t* errors)
    {
        const uint32_t op = e.opcode == OPCODE_XOR ? BYTE_OP_XOR
                          : e.opcode == OPCODE_OR  ? BYTE_OP_OR
                          : e.opcode == OPCODE_AND ? BYTE_OP_AND
                                                   : BYTE_OPCODE_COUNT;
        UNROLL_FULL
        for (uint32_t k = 0; k < 4u; ++k) byte_lookup_add(counts, errors, op, word_byte(e.b, k), word_byte(e.c, k));
    }
};

KERNEL void bitwise_byte_lookups(const AluEvent* __restrict__ events, uint64_t count, uint32_t* all_counts, uint32_t* errors, uint32_t replicas)
{
    count_event_byte_lookups<BitwiseLookups>(events, count, all_counts, errors, replicas);
}

// The trace with the byte lookups counted on the way (when ByteLookup's counters are ready before this chip runs).
KERNEL void bitwise_trace_counting(const AluEvent* __restrict__ events, uint32_t* __restrict__ out, uint64_t height, uint32_t* all_counts, uint32_t* errors, uint32_t replicas)
{
    write_trace_rows<BW_WIDTH>(events, out, height, BitwiseRow(), count_byte_lookups<BitwiseLookups>(all_counts, errors, replicas));
}
