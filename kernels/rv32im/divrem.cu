// divrem.cu - the DivRem chip (DIV, DIVU, REM, REMU; src/StarkGpu.Rv32im/Chips/Alu/DivRemChip.cs): its trace and
// its byte lookups. Columns are DivRemColumns.cs; divrem_row is the twin of DivRemRow.Compute and must produce the
// same values (checked by the DivRem trace-equality tests).
#include "rv32im_common.cuh"

#define DR_A                 0u
#define DR_B                 4u
#define DR_C                 8u
#define DR_QUOTIENT         12u
#define DR_REMAINDER        16u
#define DR_B_NEG            20u
#define DR_C_NEG            21u
#define DR_Q_NEG            22u
#define DR_R_NEG            23u
#define DR_CARRY_LOW        24u
#define DR_CARRY_HIGH       32u
#define DR_ABS_C            40u
#define DR_ABS_R            44u
#define DR_C_NEGATION_CARRY 48u
#define DR_R_NEGATION_CARRY 52u
#define DR_LT_DIFFERENCE    56u
#define DR_LT_CARRY         60u
#define DR_C_IS_ZERO        63u
#define DR_IS_OVERFLOW      64u
#define DR_IS_DIV           65u
#define DR_IS_DIVU          66u
#define DR_IS_REM           67u
#define DR_IS_REMU          68u
#define DR_WIDTH            69u

#define DR_INT_MIN 0x80000000u

// RISC-V M semantics without undefined behaviour: x / 0 = all ones, x % 0 = x, INT_MIN / -1 = INT_MIN,
// INT_MIN % -1 = 0 (execution/Division.cs). Signed division is done on magnitudes.
__device__ __forceinline__ void divrem_results(uint32_t b, uint32_t c, bool is_signed, uint32_t* quotient, uint32_t* remainder)
{
    if (c == 0u) {
        *quotient = 0xffffffffu;
        *remainder = b;
    } else if (!is_signed) {
        *quotient = b / c;
        *remainder = b % c;
    } else if (b == DR_INT_MIN && c == 0xffffffffu) {
        *quotient = DR_INT_MIN;
        *remainder = 0u;
    } else {
        const bool b_neg = (b >> 31) != 0u;
        const bool c_neg = (c >> 31) != 0u;
        const uint32_t abs_b = b_neg ? 0u - b : b;
        const uint32_t abs_c = c_neg ? 0u - c : c;
        const uint32_t abs_q = abs_b / abs_c;
        const uint32_t abs_r = abs_b % abs_c;
        *quotient = b_neg != c_neg ? 0u - abs_q : abs_q;
        *remainder = b_neg ? 0u - abs_r : abs_r;
    }
}

// Limb `index` (0..7) of `word` extended by 0xFF bytes when `negative` is one.
__device__ __forceinline__ uint32_t divrem_extended_limb(uint32_t word, uint32_t negative, uint32_t index)
{
    return index < 4u ? word_byte(word, index) : negative * 0xffu;
}

// The carries of word + negation = 0 mod 2^32 when `negate` is one, else zeros (left as they are).
__device__ __forceinline__ void divrem_negation_carries(uint32_t word, uint32_t negation, uint32_t negate, uint32_t* carries)
{
    if (negate == 0u) return;
    uint32_t carry = 0;
    UNROLL_FULL
    for (uint32_t k = 0; k < 4u; ++k) {
        carry = (word_byte(word, k) + word_byte(negation, k) + carry) >> 8;
        carries[k] = carry;
    }
}

// The canonical values of the row of `e`.
__device__ __forceinline__ void divrem_row(const AluEvent& e, uint32_t v[DR_WIDTH])
{
    UNROLL_FULL
    for (uint32_t k = 0; k < DR_WIDTH; ++k) v[k] = 0;
    const bool is_signed = e.opcode == OPCODE_DIV || e.opcode == OPCODE_REM;
    uint32_t quotient, remainder;
    divrem_results(e.b, e.c, is_signed, &quotient, &remainder);
    const uint32_t b_neg = is_signed ? e.b >> 31 : 0u;
    const uint32_t c_neg = is_signed ? e.c >> 31 : 0u;
    const uint32_t q_neg = is_signed ? quotient >> 31 : 0u;
    const uint32_t r_neg = is_signed ? remainder >> 31 : 0u;
    const uint32_t abs_c = c_neg == 1u ? 0u - e.c : e.c;
    const uint32_t abs_r = b_neg == 1u ? 0u - remainder : remainder;

    UNROLL_FULL
    for (uint32_t i = 0; i < 4u; ++i) {
        v[DR_A + i] = word_byte(e.a, i);
        v[DR_B + i] = word_byte(e.b, i);
        v[DR_C + i] = word_byte(e.c, i);
        v[DR_QUOTIENT + i] = word_byte(quotient, i);
        v[DR_REMAINDER + i] = word_byte(remainder, i);
        v[DR_ABS_C + i] = word_byte(abs_c, i);
        v[DR_ABS_R + i] = word_byte(abs_r, i);
    }
    v[DR_B_NEG] = b_neg;
    v[DR_C_NEG] = c_neg;
    v[DR_Q_NEG] = q_neg;
    v[DR_R_NEG] = r_neg;

    // Carries of c * q + r over sign-extended limbs (for INT_MIN / -1 the high ones as computed; unchecked there).
    uint32_t carry = 0;
    UNROLL_FULL
    for (uint32_t k = 0; k < 8u; ++k) {
        uint32_t limb = carry + divrem_extended_limb(remainder, r_neg, k);
        UNROLL_FULL
        for (uint32_t i = 0; i <= k; ++i) {
            limb += divrem_extended_limb(e.c, c_neg, i) * divrem_extended_limb(quotient, q_neg, k - i);
        }
        carry = limb >> 8;
        v[DR_CARRY_LOW + k] = carry & 0xffu;
        v[DR_CARRY_HIGH + k] = carry >> 8;
    }

    divrem_negation_carries(e.c, abs_c, c_neg, &v[DR_C_NEGATION_CARRY]);
    divrem_negation_carries(remainder, abs_r, b_neg, &v[DR_R_NEGATION_CARRY]);

    if (e.c != 0u) {
        const uint32_t difference = abs_c - abs_r - 1u;
        uint32_t less_carry = 1u;
        UNROLL_FULL
        for (uint32_t k = 0; k < 4u; ++k) {
            v[DR_LT_DIFFERENCE + k] = word_byte(difference, k);
            less_carry = (word_byte(abs_r, k) + word_byte(difference, k) + less_carry) >> 8;
            if (k < 3u) v[DR_LT_CARRY + k] = less_carry;
        }
    }

    v[DR_C_IS_ZERO] = e.c == 0u ? 1u : 0u;
    v[DR_IS_OVERFLOW] = is_signed && e.b == DR_INT_MIN && e.c == 0xffffffffu ? 1u : 0u;
    v[e.opcode == OPCODE_DIV ? DR_IS_DIV : e.opcode == OPCODE_DIVU ? DR_IS_DIVU : e.opcode == OPCODE_REM ? DR_IS_REM : DR_IS_REMU] = 1;
}

// The DivRem chip for ValueRows and ValueLookups.
struct DivRemChip {
#if defined(CUDA_EMU)
    typedef void EventLanes;  // values() is scalar code: the CPU backend makes its rows one at a time
#endif
    static constexpr uint32_t WIDTH = DR_WIDTH;

    static __device__ __forceinline__ void values(const AluEvent& e, uint32_t* v) { divrem_row(e, v); }

    // DivRemChip.CountEventLookups, read off the row's values: U8Range over the pairs of columns 0..19 (a, b, c, q, r),
    // 24..47 (carry bytes, |c|, |r|) and 56..59 (d); for DIV and REM, Msb of b[3], c[3], q[3] and r[3].
    static __device__ __forceinline__ void lookups(const AluEvent& e, const uint32_t* v, uint32_t* counts, uint32_t* errors)
    {
        UNROLL_FULL
        for (uint32_t k = DR_A; k < DR_A + 20u; k += 2u) byte_lookup_range(counts, errors, v[k], v[k + 1]);
        UNROLL_FULL
        for (uint32_t k = DR_CARRY_LOW; k < DR_CARRY_LOW + 24u; k += 2u) byte_lookup_range(counts, errors, v[k], v[k + 1]);
        UNROLL_FULL
        for (uint32_t k = DR_LT_DIFFERENCE; k < DR_LT_DIFFERENCE + 4u; k += 2u) byte_lookup_range(counts, errors, v[k], v[k + 1]);
        if (e.opcode == OPCODE_DIV || e.opcode == OPCODE_REM) {
            byte_lookup_add(counts, errors, BYTE_OP_MSB, v[DR_B + 3], 0u);
            byte_lookup_add(counts, errors, BYTE_OP_MSB, v[DR_C + 3], 0u);
            byte_lookup_add(counts, errors, BYTE_OP_MSB, v[DR_QUOTIENT + 3], 0u);
            byte_lookup_add(counts, errors, BYTE_OP_MSB, v[DR_REMAINDER + 3], 0u);
        }
    }
};

KERNEL void divrem_trace(const AluEvent* __restrict__ events, uint32_t* __restrict__ out, uint64_t height)
{
    write_trace_rows<DR_WIDTH>(events, out, height, ValueRows<DivRemChip>{nullptr, nullptr});
}

KERNEL void divrem_byte_lookups(const AluEvent* __restrict__ events, uint64_t count, uint32_t* all_counts, uint32_t* errors, uint32_t replicas)
{
    count_event_byte_lookups<ValueLookups<DivRemChip>>(events, count, all_counts, errors, replicas);
}

// The trace with the byte lookups counted on the way (when ByteLookup's counters are ready before this chip runs).
KERNEL void divrem_trace_counting(const AluEvent* __restrict__ events, uint32_t* __restrict__ out, uint64_t height, uint32_t* all_counts, uint32_t* errors, uint32_t replicas)
{
    write_trace_rows<DR_WIDTH>(events, out, height, ValueRows<DivRemChip>{byte_lookup_replica(all_counts, replicas), errors});
}
