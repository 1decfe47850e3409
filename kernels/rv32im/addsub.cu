// addsub.cu - the AddSub chip (src/StarkGpu.Rv32im/Chips/Alu/AddSubChip.cs): its trace and its byte lookups.
// Columns are AddSubColumns.cs; the host row writer (AddSubChip.WriteRow) must produce the same bits.
#include "rv32im_common.cuh"

#define AS_A      0u
#define AS_B      4u
#define AS_C      8u
#define AS_CARRY  12u
#define AS_IS_ADD 16u
#define AS_IS_SUB 17u
#define AS_WIDTH  18u

struct AddSubRow : AluLaneRow {
    template <typename E, typename Row>
    __device__ __forceinline__ void write(const E& e, const Row& row) const
    {
        typedef typename Row::Value V;
        const V zero = V{};
        const auto is_sub = e.opcode == OPCODE_SUB;
        set_operand_words(row, e, AS_A);
        // ADD proves b + c = a, SUB proves a + c = b: the carries are those of addend + c.
        const V addend = is_sub ? zero + e.a : zero + e.b;
        V carry = zero;
        UNROLL_FULL
        for (uint32_t k = 0; k < 4u; ++k) {
            carry = (word_byte(addend, k) + word_byte(zero + e.c, k) + carry) >> 8;
            row.set_canonical(AS_CARRY + k, carry);
        }
        row.set_bool(AS_IS_ADD, e.opcode == OPCODE_ADD);
        row.set_bool(AS_IS_SUB, is_sub);
    }
};

KERNEL void addsub_trace(const AluEvent* __restrict__ events, uint32_t* __restrict__ out, uint64_t height)
{
    write_trace_rows<AS_WIDTH>(events, out, height, AddSubRow());
}

// AddSubChip.CountEventByteLookups: range checks of a, b and c.
struct AddSubLookups {
    static __device__ __forceinline__ void count(const AluEvent& e, uint32_t* counts, uint32_t* errors)
    {
        byte_lookup_word_range(counts, errors, e.a);
        byte_lookup_word_range(counts, errors, e.b);
        byte_lookup_word_range(counts, errors, e.c);
    }
};

KERNEL void addsub_byte_lookups(const AluEvent* __restrict__ events, uint64_t count, uint32_t* all_counts, uint32_t* errors, uint32_t replicas)
{
    count_event_byte_lookups<AddSubLookups>(events, count, all_counts, errors, replicas);
}

// The trace with the byte lookups counted on the way (when ByteLookup's counters are ready before this chip runs).
KERNEL void addsub_trace_counting(const AluEvent* __restrict__ events, uint32_t* __restrict__ out, uint64_t height, uint32_t* all_counts, uint32_t* errors, uint32_t replicas)
{
    write_trace_rows<AS_WIDTH>(events, out, height, AddSubRow(), count_byte_lookups<AddSubLookups>(all_counts, errors, replicas));
}
