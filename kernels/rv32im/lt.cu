// lt.cu - the Lt chip (src/StarkGpu.Rv32im/Chips/Alu/LtChip.cs): its trace and its byte lookups.
// Columns are LtColumns.cs; the host (LtComparison, LtChip.WriteRow) must produce the same bits.
#include "rv32im_common.cuh"

#define LT_RESULT       0u
#define LT_B            1u
#define LT_C            5u
#define LT_IS_SLT       9u
#define LT_IS_SLTU      10u
#define LT_MSB_B        11u
#define LT_MSB_C        12u
#define LT_B_TOP        13u
#define LT_C_TOP        14u
#define LT_BYTE_FLAGS   15u
#define LT_COMPARED_B   19u
#define LT_COMPARED_C   20u
#define LT_DIFF_INVERSE 21u
#define LT_WIDTH        22u

// The comparison of one event (LtComparison.cs): b' and c' are the operands with the sign bit flipped for SLT.
struct LtComparison {
    bool is_signed;
    uint32_t b, c;           // b', c'
    int32_t flag_index;      // most significant differing byte of b' and c', or -1
    uint32_t compared_b, compared_c;
};

__device__ __forceinline__ LtComparison lt_compare(const AluEvent& e)
{
    LtComparison r;
    r.is_signed = e.opcode == OPCODE_SLT;
    const uint32_t flip = r.is_signed ? 0x80000000u : 0u;
    r.b = e.b ^ flip;
    r.c = e.c ^ flip;
    r.flag_index = -1;
    r.compared_b = 0;
    r.compared_c = 0;
    UNROLL_FULL
    for (int32_t k = 3; k >= 0; --k) {
        const uint32_t bk = word_byte(r.b, (uint32_t)k), ck = word_byte(r.c, (uint32_t)k);
        if (r.flag_index < 0 && bk != ck) {
            r.flag_index = k;
            r.compared_b = bk;
            r.compared_c = ck;
        }
    }
    return r;
}

struct LtRow {
    template <typename Row>
    __device__ __forceinline__ void write(const AluEvent& e, const Row& row) const
    {
        const LtComparison cmp = lt_compare(e);
        row.set_bool(LT_RESULT, cmp.b < cmp.c);
        row.set_word(LT_B, e.b);
        row.set_word(LT_C, e.c);
        row.set_bool(LT_IS_SLT, cmp.is_signed);
        row.set_bool(LT_IS_SLTU, e.opcode == OPCODE_SLTU);
        row.set_canonical(LT_MSB_B, cmp.is_signed ? e.b >> 31 : 0u);
        row.set_canonical(LT_MSB_C, cmp.is_signed ? e.c >> 31 : 0u);
        row.set_canonical(LT_B_TOP, word_byte(cmp.b, 3));
        row.set_canonical(LT_C_TOP, word_byte(cmp.c, 3));
        UNROLL_FULL
        for (int32_t k = 0; k < 4; ++k) row.set_bool(LT_BYTE_FLAGS + (uint32_t)k, cmp.flag_index == k);
        row.set_canonical(LT_COMPARED_B, cmp.compared_b);
        row.set_canonical(LT_COMPARED_C, cmp.compared_c);
        // inv(0) = 0: equal operands leave the inverse zero, as the host does.
        row.set(LT_DIFF_INVERSE, kb_inv(kb_sub(kb_from_canonical(cmp.compared_b), kb_from_canonical(cmp.compared_c))));
    }
};

KERNEL void lt_trace(const AluEvent* __restrict__ events, uint32_t* __restrict__ out, uint64_t height)
{
    write_trace_rows<LT_WIDTH>(events, out, height, LtRow());
}

// LtChip.CountEventByteLookups: Ltu on the compared bytes, Msb of b3 and c3 for SLT, range checks of b and c.
struct LtLookups {
    static __device__ __forceinline__ void count(const AluEvent& e, uint32_t* counts, uint32_t* errors)
    {
        const LtComparison cmp = lt_compare(e);
        byte_lookup_add(counts, errors, BYTE_OP_LTU, cmp.compared_b, cmp.compared_c);
        if (cmp.is_signed) {
            byte_lookup_add(counts, errors, BYTE_OP_MSB, word_byte(e.b, 3), 0u);
            byte_lookup_add(counts, errors, BYTE_OP_MSB, word_byte(e.c, 3), 0u);
        }
        byte_lookup_word_range(counts, errors, e.b);
        byte_lookup_word_range(counts, errors, e.c);
    }
};

KERNEL void lt_byte_lookups(const AluEvent* __restrict__ events, uint64_t count, uint32_t* all_counts, uint32_t* errors, uint32_t replicas)
{
    count_event_byte_lookups<LtLookups>(events, count, all_counts, errors, replicas);
}

// The trace with the byte lookups counted on the way (when ByteLookup's counters are ready before this chip runs).
KERNEL void lt_trace_counting(const AluEvent* __restrict__ events, uint32_t* __restrict__ out, uint64_t height, uint32_t* all_counts, uint32_t* errors, uint32_t replicas)
{
    write_trace_rows<LT_WIDTH>(events, out, height, LtRow(), count_byte_lookups<LtLookups>(all_counts, errors, replicas));
}
