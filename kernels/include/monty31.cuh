// monty31.cuh - arithmetic of a prime p < 2^31 in Montgomery form (R = 2^32), written once for
// every such field (KoalaBear, BabyBear). An element is one uint32_t word x * 2^32 mod p in [0, p):
// the bits Plonky3/SP1 store and the C# structs of StarkGpu.Fields hold (Montgomery31.cs), which
// this file mirrors operation for operation so both produce identical bits.
#pragma once
#include "common.cuh"

// P: the modulus; P_INV: p^-1 mod 2^32; R2: 2^64 mod p. All members are static and inline, so a
// field is a type (Monty31<...>) that other templates (field_ext4.cuh, kernels) take as a parameter.
template <uint32_t P_, uint32_t P_INV_, uint32_t R2_>
struct Monty31 {
    static constexpr uint32_t P = P_;
    static constexpr uint32_t P_INV = P_INV_;
    static constexpr uint32_t R2 = R2_;
    static constexpr uint32_t ZERO = 0;
    static constexpr uint32_t ONE = (uint32_t)((1ull << 32) % P_);   // 2^32 mod p
    static_assert(P_ < 0x80000000u, "a + b must not wrap a 32-bit word");
    static_assert((uint32_t)(P_ * P_INV_) == 1u, "P_INV must be p^-1 mod 2^32");
    static_assert((uint32_t)((uint64_t)ONE * ONE % P_) == R2_, "R2 must be 2^64 mod p");

    static __device__ __forceinline__ uint32_t add(uint32_t a, uint32_t b)
    {
        const uint32_t s = a + b;  // < 2p < 2^32
        return s >= P ? s - P : s;
    }

    static __device__ __forceinline__ uint32_t sub(uint32_t a, uint32_t b)
    {
        const uint32_t d = a - b;  // wraps when a < b; adding p back lands in [0, p)
        return a < b ? d + P : d;
    }

    static __device__ __forceinline__ uint32_t neg(uint32_t a) { return a == 0 ? 0 : P - a; }

    // a * b / 2^32 mod p for a * b < p * 2^32. x = a*b = hi:lo, m = lo * p^-1 mod 2^32: m*p has x's low
    // word, so (x - m*p) / 2^32 = hi - umulhi(m, p), in (-p, p); add p back on borrow. Only 32-bit
    // multiplies: 3 IMAD-class instructions on the GPU, 32-bit lanes for the CPU vectoriser.
    static __device__ __forceinline__ uint32_t mul(uint32_t a, uint32_t b)
    {
        const uint32_t lo = a * b;
        const uint32_t hi = __umulhi(a, b);
        const uint32_t m = lo * P_INV;
        const uint32_t mp_hi = __umulhi(m, P);
        const uint32_t r = hi - mp_hi;
        return hi < mp_hi ? r + P : r;
    }

    static __device__ __forceinline__ uint32_t sqr(uint32_t a) { return mul(a, a); }

    // Any 32-bit word is accepted (v * R2 < 2^32 * p), so this also reduces mod p.
    static __device__ __forceinline__ uint32_t from_canonical(uint32_t v) { return mul(v, R2); }

    static __device__ __forceinline__ uint32_t to_canonical(uint32_t a) { return mul(a, 1u); }

#if defined(CUDA_EMU) && defined(__AVX2__)
    // from_canonical of eight words at once. GCC's own vectorisation of mul spends most of its instructions shuffling
    // 32-bit halves; here the even and odd lanes stay in 64-bit lanes. x = v * R2 and q * p (q = x * p^-1 mod 2^32)
    // share their low words, so x - q * p is exact and its high word is the result, or the result minus p; adding p
    // and taking the unsigned minimum picks the right one.
    static inline __m256i from_canonical_x8(__m256i a)
    {
        const __m256i r2 = _mm256_set1_epi32((int)R2), p_inv = _mm256_set1_epi32((int)P_INV), p = _mm256_set1_epi32((int)P);
        const __m256i x_even = _mm256_mul_epu32(a, r2);
        const __m256i x_odd = _mm256_mul_epu32(_mm256_srli_epi64(a, 32), r2);
        const __m256i d_even = _mm256_sub_epi64(x_even, _mm256_mul_epu32(_mm256_mul_epu32(x_even, p_inv), p));
        const __m256i d_odd = _mm256_sub_epi64(x_odd, _mm256_mul_epu32(_mm256_mul_epu32(x_odd, p_inv), p));
        const __m256i r = _mm256_blend_epi32(_mm256_srli_epi64(d_even, 32), d_odd, 0xaa);
        return _mm256_min_epu32(r, _mm256_add_epi32(r, p));
    }
#endif
#if defined(CUDA_EMU) && defined(__AVX512F__)
    // from_canonical_x8 on sixteen words: one 64-byte line of a trace column.
    static inline __m512i from_canonical_x16(__m512i a)
    {
        const __m512i r2 = _mm512_set1_epi32((int)R2), p_inv = _mm512_set1_epi32((int)P_INV), p = _mm512_set1_epi32((int)P);
        const __m512i x_even = _mm512_mul_epu32(a, r2);
        const __m512i x_odd = _mm512_mul_epu32(_mm512_srli_epi64(a, 32), r2);
        const __m512i d_even = _mm512_sub_epi64(x_even, _mm512_mul_epu32(_mm512_mul_epu32(x_even, p_inv), p));
        const __m512i d_odd = _mm512_sub_epi64(x_odd, _mm512_mul_epu32(_mm512_mul_epu32(x_odd, p_inv), p));
        const __m512i r = _mm512_mask_blend_epi32((__mmask16)0xaaaa, _mm512_srli_epi64(d_even, 32), d_odd);
        return _mm512_min_epu32(r, _mm512_add_epi32(r, p));
    }
#endif

    // a^e, left-to-right square-and-multiply over the 64 exponent bits (a^0 = 1).
    static __device__ __forceinline__ uint32_t pow(uint32_t a, uint64_t e)
    {
        uint32_t r = ONE;
        for (int bit = 63; bit >= 0; --bit) {
            r = sqr(r);
            if ((e >> bit) & 1u) r = mul(r, a);
        }
        return r;
    }

    // 1/a = a^(p-2) (Fermat); inv(0) = 0. The exponent is a constant, so the loop unrolls into a
    // fixed chain of squarings and multiplies with no data-dependent branch.
    static __device__ __forceinline__ uint32_t inv(uint32_t a)
    {
        constexpr uint32_t e = P - 2;
        uint32_t r = ONE;
        UNROLL_FULL
        for (int bit = 30; bit >= 0; --bit) {
            r = sqr(r);
            if ((e >> bit) & 1u) r = mul(r, a);
        }
        return r;
    }
};
