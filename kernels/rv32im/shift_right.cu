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

// The canonical values of the row of `e`. Generic in its value type, like CpuRow: one row (uint32_t, AluEvent) or a
// tile of sixteen (vectors, AluEventLanes); hence selects instead of branches and indexed writes.
template <typename E, typename V>
__device__ __forceinline__ void srl_row(const E& e, V v[SRL_WIDTH])
{
    const V zero = V{}, one = zero + 1u;
    const V a = zero + e.a, b = zero + e.b, c = zero + e.c;
    const V bits = c & 7u;
    const V bytes = (c >> 3) & 3u;
    const auto is_sra = e.opcode == OPCODE_SRA;
    const V msb = b >> 31;
    const V sign = (is_sra && msb == 1u) ? zero + 0xffu : zero;
    const V multiplier = (zero + 256u) >> bits;
    UNROLL_FULL
    for (uint32_t i = 0; i < 4u; ++i) {
        v[SRL_A + i] = word_byte(a, i);
        v[SRL_B + i] = word_byte(b, i);
        v[SRL_C + i] = word_byte(c, i);
    }
    UNROLL_FULL
    for (uint32_t k = 0; k < 8u; ++k) v[SRL_C_LOW_BYTE_BITS + k] = (c >> k) & 1u;
    UNROLL_FULL
    for (uint32_t k = 0; k < 8u; ++k) v[SRL_SHIFT_BY_BITS + k] = bits == k ? one : zero;
    UNROLL_FULL
    for (uint32_t k = 0; k < 4u; ++k) v[SRL_SHIFT_BY_BYTES + k] = bytes == k ? one : zero;
    v[SRL_BIT_MULTIPLIER] = multiplier;
    v[SRL_B_MSB] = msb;
    v[SRL_SIGN_BYTE] = sign;
    // Limb i of the byte shift is byte i + bytes of b extended by sign bytes; limb 4 is always the sign byte.
    V carry = zero;
    UNROLL_FULL
    for (uint32_t i = 0; i < 5u; ++i) {
        const V source = bytes + i;
        // source & 3: both sides of a select are computed for vectors, and shifting a word by 32 or more is undefined
        const V limb = source < 4u ? (b >> ((source & 3u) * 8u)) & 0xffu : sign;
        if (i < 4u) v[SRL_BYTE_SHIFTED + i] = limb;
        const V product = limb * multiplier + carry;
        carry = product >> 8;
        v[SRL_CARRY + i] = carry;
        if (i == 0) v[SRL_SHIFTED_OUT] = product & 0xffu;
    }
    v[SRL_IS_SRL] = is_sra ? zero : one;
    v[SRL_IS_SRA] = is_sra ? one : zero;
}

// The ShiftRight chip for ValueRows and ValueLookups.
struct ShiftRightChip : AluLaneRow {
    static constexpr uint32_t WIDTH = SRL_WIDTH;

    template <typename E, typename V>
    static __device__ __forceinline__ void values(const E& e, V* v) { srl_row(e, v); }

    // ShiftRightChip.CountEventLookups, read off the row's values: U8Range over the pairs of a, b, c (columns 0..11)
    // and of the shifted-out limb and carries (columns 39..44), and Msb of b[3].
    template <typename E, typename V>
    static __device__ __forceinline__ void lookups(const E&, const V* v, uint32_t* counts, uint32_t* errors)
    {
        UNROLL_FULL
        for (uint32_t k = SRL_A; k < SRL_A + 12u; k += 2u) byte_lookup_range(counts, errors, v[k], v[k + 1]);
        UNROLL_FULL
        for (uint32_t k = SRL_SHIFTED_OUT; k < SRL_SHIFTED_OUT + 6u; k += 2u) byte_lookup_range(counts, errors, v[k], v[k + 1]);
        byte_lookup_add(counts, errors, BYTE_OP_MSB, v[SRL_B + 3], V{});
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
