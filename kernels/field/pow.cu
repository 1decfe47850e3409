// pow.cu - out[i] = in[i]^e: the compute-bound field kernel (64 squarings and up to 64 multiplies
// per element for one word in and one out), which measures multiply throughput rather than memory.
#include "koalabear.cuh"
#include "babybear.cuh"

template <class F>
__device__ __forceinline__ void pow_map(const uint32_t* __restrict__ in, uint32_t* __restrict__ out, uint64_t exponent, uint64_t n)
{
    GRID_LOOP_SIMD(i, n) out[i] = F::pow(in[i], exponent);
}

KERNEL void koalabear_pow(const uint32_t* __restrict__ in, uint32_t* __restrict__ out, uint64_t exponent, uint64_t n)
{
    pow_map<KoalaBear>(in, out, exponent, n);
}

KERNEL void babybear_pow(const uint32_t* __restrict__ in, uint32_t* __restrict__ out, uint64_t exponent, uint64_t n)
{
    pow_map<BabyBear>(in, out, exponent, n);
}
