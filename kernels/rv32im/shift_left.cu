// shift_left.cu - the ShiftLeft chip (SLL; src/StarkGpu.Rv32im/Chips/Alu/ShiftLeftChip.cs): its trace and its
// byte lookups. Columns are ShiftLeftColumns.cs; sll_row is the twin of ShiftLeftRow.Compute and must produce the
// same values (checked by the ShiftLeft trace-equality tests).
#include "rv32im_common.cuh"

#define SLL_A                0u
#define SLL_B                4u
#define SLL_C                8u
#define SLL_C_LOW_BYTE_BITS 12u
#define SLL_SHIFT_BY_BITS   20u
#define SLL_SHIFT_BY_BYTES  28u
#define SLL_BIT_MULTIPLIER  32u
#define SLL_BIT_SHIFTED     33u
#define SLL_BIT_SHIFT_CARRY 37u
#define SLL_IS_REAL         41u
#define SLL_WIDTH           42u

// The canonical values of the row of `e`. Generic in its value type, like CpuRow: one row (uint32_t, AluEvent) or a
// tile of sixteen (vectors, AluEventLanes); hence selects instead of indexed writes.
template <typename E, typename V>
__device__ __forceinline__ void sll_row(const E& e, V v[SLL_WIDTH])
{
    const V zero = V{}, one = zero + 1u;
    const V a = zero + e.a, b = zero + e.b, c = zero + e.c;
    const V bits = c & 7u;
    const V bytes = (c >> 3) & 3u;
    V carry = zero;
    UNROLL_FULL
    for (uint32_t i = 0; i < 4u; ++i) {
        v[SLL_A + i] = word_byte(a, i);
        v[SLL_B + i] = word_byte(b, i);
        v[SLL_C + i] = word_byte(c, i);
        const V shifted = (word_byte(b, i) << bits) + carry;
        v[SLL_BIT_SHIFTED + i] = shifted & 0xffu;
        carry = shifted >> 8;
        v[SLL_BIT_SHIFT_CARRY + i] = carry;
    }
    UNROLL_FULL
    for (uint32_t k = 0; k < 8u; ++k) v[SLL_C_LOW_BYTE_BITS + k] = (c >> k) & 1u;
    UNROLL_FULL
    for (uint32_t k = 0; k < 8u; ++k) v[SLL_SHIFT_BY_BITS + k] = bits == k ? one : zero;
    UNROLL_FULL
    for (uint32_t k = 0; k < 4u; ++k) v[SLL_SHIFT_BY_BYTES + k] = bytes == k ? one : zero;
    v[SLL_BIT_MULTIPLIER] = one << bits;
    v[SLL_IS_REAL] = one;
}

// The ShiftLeft chip for ValueRows and ValueLookups.
struct ShiftLeftChip : AluLaneRow {
    static constexpr uint32_t WIDTH = SLL_WIDTH;

    template <typename E, typename V>
    static __device__ __forceinline__ void values(const E& e, V* v) { sll_row(e, v); }

    // ShiftLeftChip.CountEventLookups, read off the row's values: U8Range over the pairs of a, b, c (columns 0..11) and
    // of the shifted limbs and carries (columns 33..40).
    template <typename E, typename V>
    static __device__ __forceinline__ void lookups(const E&, const V* v, uint32_t* counts, uint32_t* errors)
    {
        UNROLL_FULL
        for (uint32_t k = SLL_A; k < SLL_A + 12u; k += 2u) byte_lookup_range(counts, errors, v[k], v[k + 1]);
        UNROLL_FULL
        for (uint32_t k = SLL_BIT_SHIFTED; k < SLL_BIT_SHIFTED + 8u; k += 2u) byte_lookup_range(counts, errors, v[k], v[k + 1]);
    }
};

KERNEL void shift_left_trace(const AluEvent* __restrict__ events, uint32_t* __restrict__ out, uint64_t height)
{
    write_trace_rows<SLL_WIDTH>(events, out, height, ValueRows<ShiftLeftChip>{nullptr, nullptr});
}

KERNEL void shift_left_byte_lookups(const AluEvent* __restrict__ events, uint64_t count, uint32_t* all_counts, uint32_t* errors, uint32_t replicas)
{
    count_event_byte_lookups<ValueLookups<ShiftLeftChip>>(events, count, all_counts, errors, replicas);
}

// The trace with the byte lookups counted on the way (when ByteLookup's counters are ready before this chip runs).
KERNEL void shift_left_trace_counting(const AluEvent* __restrict__ events, uint32_t* __restrict__ out, uint64_t height, uint32_t* all_counts, uint32_t* errors, uint32_t replicas)
{
    write_trace_rows<SLL_WIDTH>(events, out, height, ValueRows<ShiftLeftChip>{byte_lookup_replica(all_counts, replicas), errors});
}
