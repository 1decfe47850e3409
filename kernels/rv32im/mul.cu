// mul.cu - the Mul chip (MUL, MULH, MULHU, MULHSU; src/StarkGpu.Rv32im/Chips/Alu/MulChip.cs): its trace and its
// byte lookups. Columns are MulColumns.cs; mul_row is the twin of MulRow.Compute and must produce the same values
// (checked by the Mul trace-equality tests).
#include "rv32im_common.cuh"

#define MUL_A              0u
#define MUL_B              4u
#define MUL_C              8u
#define MUL_PRODUCT       12u
#define MUL_CARRY_LOW     20u
#define MUL_CARRY_HIGH    28u
#define MUL_B_MSB         36u
#define MUL_C_MSB         37u
#define MUL_B_SIGN_EXTEND 38u
#define MUL_C_SIGN_EXTEND 39u
#define MUL_IS_MUL        40u
#define MUL_IS_MULH       41u
#define MUL_IS_MULHU      42u
#define MUL_IS_MULHSU     43u
#define MUL_WIDTH         44u

// Limb `index` (0..7) of `word` extended by 0xFF bytes when sign_extend is one.
template <typename V>
__device__ __forceinline__ V mul_extended_limb(V word, V sign_extend, uint32_t index)
{
    return index < 4u ? word_byte(word, index) : sign_extend * 0xffu;
}

// The canonical values of the row of `e`. Generic in its value type, like CpuRow: one row (uint32_t, AluEvent) or a
// tile of sixteen (vectors, AluEventLanes); hence selects instead of an indexed write.
template <typename E, typename V>
__device__ __forceinline__ void mul_row(const E& e, V v[MUL_WIDTH])
{
    const V zero = V{}, one = zero + 1u;
    UNROLL_FULL
    for (uint32_t k = 0; k < MUL_WIDTH; ++k) v[k] = zero;
    const V opcode = zero + e.opcode, a = zero + e.a, b = zero + e.b, c = zero + e.c;
    const V b_msb = b >> 31;
    const V c_msb = c >> 31;
    const V b_sign_extend = ((opcode == OPCODE_MULH || opcode == OPCODE_MULHSU) && b_msb == 1u) ? one : zero;
    const V c_sign_extend = (opcode == OPCODE_MULH && c_msb == 1u) ? one : zero;
    UNROLL_FULL
    for (uint32_t i = 0; i < 4u; ++i) {
        v[MUL_A + i] = word_byte(a, i);
        v[MUL_B + i] = word_byte(b, i);
        v[MUL_C + i] = word_byte(c, i);
    }
    V carry = zero;
    UNROLL_FULL
    for (uint32_t k = 0; k < 8u; ++k) {
        V limb = carry;
        UNROLL_FULL
        for (uint32_t i = 0; i <= k; ++i) {
            limb += mul_extended_limb(b, b_sign_extend, i) * mul_extended_limb(c, c_sign_extend, k - i);
        }
        v[MUL_PRODUCT + k] = limb & 0xffu;
        carry = limb >> 8;
        v[MUL_CARRY_LOW + k] = carry & 0xffu;
        v[MUL_CARRY_HIGH + k] = carry >> 8;
    }
    v[MUL_B_MSB] = b_msb;
    v[MUL_C_MSB] = c_msb;
    v[MUL_B_SIGN_EXTEND] = b_sign_extend;
    v[MUL_C_SIGN_EXTEND] = c_sign_extend;
    v[MUL_IS_MUL] = opcode == OPCODE_MUL ? one : zero;
    v[MUL_IS_MULH] = opcode == OPCODE_MULH ? one : zero;
    v[MUL_IS_MULHU] = opcode == OPCODE_MULHU ? one : zero;
    v[MUL_IS_MULHSU] = (opcode != OPCODE_MUL && opcode != OPCODE_MULH && opcode != OPCODE_MULHU) ? one : zero;
}

// The Mul chip for ValueRows and ValueLookups.
struct MulChip : AluLaneRow {
    static constexpr uint32_t WIDTH = MUL_WIDTH;

    template <typename E, typename V>
    static __device__ __forceinline__ void values(const E& e, V* v) { mul_row(e, v); }

    // MulChip.CountEventLookups, read off the row's values: U8Range over the pairs of columns 0..35 (a, b, c, product,
    // carry bytes), and Msb of b[3] and of c[3].
    template <typename E, typename V>
    static __device__ __forceinline__ void lookups(const E&, const V* v, uint32_t* counts, uint32_t* errors)
    {
        UNROLL_FULL
        for (uint32_t k = MUL_A; k < MUL_A + 36u; k += 2u) byte_lookup_range(counts, errors, v[k], v[k + 1]);
        byte_lookup_add(counts, errors, BYTE_OP_MSB, v[MUL_B + 3], V{});
        byte_lookup_add(counts, errors, BYTE_OP_MSB, v[MUL_C + 3], V{});
    }
};

KERNEL void mul_trace(const AluEvent* __restrict__ events, uint32_t* __restrict__ out, uint64_t height)
{
    write_trace_rows<MUL_WIDTH>(events, out, height, ValueRows<MulChip>{nullptr, nullptr});
}

KERNEL void mul_byte_lookups(const AluEvent* __restrict__ events, uint64_t count, uint32_t* all_counts, uint32_t* errors, uint32_t replicas)
{
    count_event_byte_lookups<ValueLookups<MulChip>>(events, count, all_counts, errors, replicas);
}

// The trace with the byte lookups counted on the way (when ByteLookup's counters are ready before this chip runs).
KERNEL void mul_trace_counting(const AluEvent* __restrict__ events, uint32_t* __restrict__ out, uint64_t height, uint32_t* all_counts, uint32_t* errors, uint32_t replicas)
{
    write_trace_rows<MUL_WIDTH>(events, out, height, ValueRows<MulChip>{byte_lookup_replica(all_counts, replicas), errors});
}
