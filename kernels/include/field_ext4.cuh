// field_ext4.cuh - the degree-4 extension F[X] / (X^4 - W) of a Monty31 field, written once for
// every base field. An element is c0 + c1 X + c2 X^2 + c3 X^3 in four consecutive Montgomery words,
// the layout of StarkGpu.Fields.BinomialExtension4<TField>, whose formulas this file mirrors.
#pragma once
#include "monty31.cuh"

// F: a Monty31<...> field; W_CANONICAL: the non-square W, as a canonical value.
template <class F, uint32_t W_CANONICAL>
struct Ext4 {
    uint32_t c[4];

    static constexpr uint32_t W = (uint32_t)(((uint64_t)W_CANONICAL << 32) % F::P);   // Montgomery form

    static __device__ __forceinline__ Ext4 zero() { return Ext4{{0, 0, 0, 0}}; }
    static __device__ __forceinline__ Ext4 one() { return Ext4{{F::ONE, 0, 0, 0}}; }
    static __device__ __forceinline__ Ext4 from_base(uint32_t a) { return Ext4{{a, 0, 0, 0}}; }

    static __device__ __forceinline__ Ext4 add(const Ext4& a, const Ext4& b)
    {
        Ext4 r;
        UNROLL_FULL
        for (int k = 0; k < 4; ++k) r.c[k] = F::add(a.c[k], b.c[k]);
        return r;
    }

    static __device__ __forceinline__ Ext4 sub(const Ext4& a, const Ext4& b)
    {
        Ext4 r;
        UNROLL_FULL
        for (int k = 0; k < 4; ++k) r.c[k] = F::sub(a.c[k], b.c[k]);
        return r;
    }

    static __device__ __forceinline__ Ext4 scale(const Ext4& a, uint32_t s)
    {
        Ext4 r;
        UNROLL_FULL
        for (int k = 0; k < 4; ++k) r.c[k] = F::mul(a.c[k], s);
        return r;
    }

    // Schoolbook product; the X^4..X^6 terms fold back multiplied by W.
    static __device__ __forceinline__ Ext4 mul(const Ext4& a, const Ext4& b)
    {
        const uint32_t a0 = a.c[0], a1 = a.c[1], a2 = a.c[2], a3 = a.c[3];
        const uint32_t b0 = b.c[0], b1 = b.c[1], b2 = b.c[2], b3 = b.c[3];
        Ext4 r;
        r.c[0] = F::add(F::mul(a0, b0), F::mul(W, F::add(F::add(F::mul(a1, b3), F::mul(a2, b2)), F::mul(a3, b1))));
        r.c[1] = F::add(F::add(F::mul(a0, b1), F::mul(a1, b0)), F::mul(W, F::add(F::mul(a2, b3), F::mul(a3, b2))));
        r.c[2] = F::add(F::add(F::add(F::mul(a0, b2), F::mul(a1, b1)), F::mul(a2, b0)), F::mul(W, F::mul(a3, b3)));
        r.c[3] = F::add(F::add(F::add(F::mul(a0, b3), F::mul(a1, b2)), F::mul(a2, b1)), F::mul(a3, b0));
        return r;
    }
};
