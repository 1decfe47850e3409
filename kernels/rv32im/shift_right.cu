// shift_right.cu - the ShiftRight chip (SRL, SRA; src/StarkGpu.Rv32im/Chips/Alu/ShiftRightChip.cs): its trace and
// its byte lookups. Columns are ShiftRightColumns.cs; srl_row is the twin of ShiftRightRow.Compute and must produce
// the same values (checked by the ShiftRight trace-equality tests).
#include "rv32im_common.cuh"

#define SRL_A                0u
#define SRL_B                4u
#define SRL_C                8u
#define SRL_C_LOW_BYTE_BITS 12u
#define SRL_SHIFT_BY_BITS   20u
#define SRL_SHIFT_BY_BYTES  28u
#define SRL_BIT_MULTIPLIER  32u
#define SRL_B_MSB           33u
#define SRL_SIGN_BYTE       34u
#define SRL_BYTE_SHIFTED    35u
#define SRL_SHIFTED_OUT     39u
#define SRL_CARRY           40u
#define SRL_IS_SRL          45u
#define SRL_IS_SRA          46u
#define SRL_WIDTH           47u

// The canonical values of the row of `e`.
__device__ __forceinline__ void srl_row(const AluEvent& e, uint32_t v[SRL_WIDTH])
{
    UNROLL_FULL
    for (uint32_t k = 0; k < SRL_WIDTH; ++k) v[k] = 0;
    const uint32_t bits = e.c & 7u;
    const uint32_t bytes = (e.c >> 3) & 3u;
    const bool is_sra = e.opcode == OPCODE_SRA;
    const uint32_t msb = e.b >> 31;
    const uint32_t sign = is_sra && msb == 1u ? 0xffu : 0u;
    const uint32_t multiplier = 256u >> bits;

    UNROLL_FULL
    for (uint32_t i = 0; i < 4u; ++i) {
        v[SRL_A + i] = word_byte(e.a, i);
        v[SRL_B + i] = word_byte(e.b, i);
        v[SRL_C + i] = word_byte(e.c, i);
    }
    UNROLL_FULL
    for (uint32_t k = 0; k < 8u; ++k) v[SRL_C_LOW_BYTE_BITS + k] = (e.c >> k) & 1u;
    v[SRL_SHIFT_BY_BITS + bits] = 1;
    v[SRL_SHIFT_BY_BYTES + bytes] = 1;
    v[SRL_BIT_MULTIPLIER] = multiplier;
    v[SRL_B_MSB] = msb;
    v[SRL_SIGN_BYTE] = sign;

    // Limb i of the byte shift is byte i + bytes of b extended by sign bytes; limb 4 is always the sign byte.
    uint32_t carry = 0;
    UNROLL_FULL
    for (uint32_t i = 0; i < 5u; ++i) {
        const uint32_t source = i + bytes;
        const uint32_t limb = source < 4u ? word_byte(e.b, source) : sign;
        if (i < 4u) v[SRL_BYTE_SHIFTED + i] = limb;
        const uint32_t product = limb * multiplier + carry;
        carry = product >> 8;
        v[SRL_CARRY + i] = carry;
        if (i == 0) v[SRL_SHIFTED_OUT] = product & 0xffu;
    }
    v[is_sra ? SRL_IS_SRA : SRL_IS_SRL] = 1;
}

// The ShiftRight chip for ValueRows and ValueLookups.
struct ShiftRightChip {
    static constexpr uint32_t WIDTH = SRL_WIDTH;

    static __device__ __forceinline__ void values(const AluEvent& e, uint32_t* v) { srl_row(e, v); }

    // ShiftRightChip.CountEventLookups, read off the row's values: U8Range over the pairs of a, b, c (columns 0..11)
    // and of the shifted-out limb and carries (columns 39..44), and Msb of b[3].
    static __device__ __forceinline__ void lookups(const AluEvent& e, const uint32_t* v, uint32_t* counts, uint32_t* errors)
    {
        UNROLL_FULL
        for (uint32_t k = SRL_A; k < SRL_A + 12u; k += 2u) byte_lookup_range(counts, errors, v[k], v[k + 1]);
        UNROLL_FULL
        for (uint32_t k = SRL_SHIFTED_OUT; k < SRL_SHIFTED_OUT + 6u; k += 2u) byte_lookup_range(counts, errors, v[k], v[k + 1]);
        byte_lookup_add(counts, errors, BYTE_OP_MSB, v[SRL_B + 3], 0u);
    }
};

KERNEL void shift_right_trace(const AluEvent* __restrict__ events, uint32_t* __restrict__ out, uint64_t height)
{
    write_trace_rows<SRL_WIDTH>(events, out, height, ValueRows<ShiftRightChip>{nullptr, nullptr});
}

KERNEL void shift_right_byte_lookups(const AluEvent* __restrict__ events, uint64_t count, uint32_t* all_counts, uint32_t* errors, uint32_t replicas)
{
    count_event_byte_lookups<ValueLookups<ShiftRightChip>>(events, count, all_counts, errors, replicas);
}

// The trace with the byte lookups counted on the way (when ByteLookup's counters are ready before this chip runs).
KERNEL void shift_right_trace_counting(const AluEvent* __restrict__ events, uint32_t* __restrict__ out, uint64_t height, uint32_t* all_counts, uint32_t* errors, uint32_t replicas)
{
    write_trace_rows<SRL_WIDTH>(events, out, height, ValueRows<ShiftRightChip>{byte_lookup_replica(all_counts, replicas), errors});
}
