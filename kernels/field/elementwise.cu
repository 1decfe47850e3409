// elementwise.cu - out[i] = a[i] op b[i] over KoalaBear, BabyBear and their degree-4 extensions.
// Memory-bound: 8 (or 32) bytes read and 4 (or 16) written per element for a few integer ops;
// these are the kernels that show how close field code gets to the memory floor.
#include "koalabear.cuh"
#include "babybear.cuh"

// Op: a struct with `static T apply(T, T)`; one body serves every field and operation.
template <class Op, class T>
__device__ __forceinline__ void binary_map(const T* __restrict__ a, const T* __restrict__ b, T* __restrict__ out, uint64_t n)
{
    GRID_LOOP_SIMD(i, n) out[i] = Op::apply(a[i], b[i]);
}

template <class F> struct AddOp { static __device__ __forceinline__ uint32_t apply(uint32_t a, uint32_t b) { return F::add(a, b); } };
template <class F> struct SubOp { static __device__ __forceinline__ uint32_t apply(uint32_t a, uint32_t b) { return F::sub(a, b); } };
template <class F> struct MulOp { static __device__ __forceinline__ uint32_t apply(uint32_t a, uint32_t b) { return F::mul(a, b); } };
template <class E> struct ExtMulOp { static __device__ __forceinline__ E apply(const E& a, const E& b) { return E::mul(a, b); } };

KERNEL void koalabear_add(const uint32_t* __restrict__ a, const uint32_t* __restrict__ b, uint32_t* __restrict__ out, uint64_t n)
{
    binary_map<AddOp<KoalaBear>>(a, b, out, n);
}

KERNEL void koalabear_sub(const uint32_t* __restrict__ a, const uint32_t* __restrict__ b, uint32_t* __restrict__ out, uint64_t n)
{
    binary_map<SubOp<KoalaBear>>(a, b, out, n);
}

KERNEL void koalabear_mul(const uint32_t* __restrict__ a, const uint32_t* __restrict__ b, uint32_t* __restrict__ out, uint64_t n)
{
    binary_map<MulOp<KoalaBear>>(a, b, out, n);
}

KERNEL void babybear_add(const uint32_t* __restrict__ a, const uint32_t* __restrict__ b, uint32_t* __restrict__ out, uint64_t n)
{
    binary_map<AddOp<BabyBear>>(a, b, out, n);
}

KERNEL void babybear_sub(const uint32_t* __restrict__ a, const uint32_t* __restrict__ b, uint32_t* __restrict__ out, uint64_t n)
{
    binary_map<SubOp<BabyBear>>(a, b, out, n);
}

KERNEL void babybear_mul(const uint32_t* __restrict__ a, const uint32_t* __restrict__ b, uint32_t* __restrict__ out, uint64_t n)
{
    binary_map<MulOp<BabyBear>>(a, b, out, n);
}

// n counts extension elements (4 words each).
KERNEL void koalabear_ext4_mul(const KoalaBear4* __restrict__ a, const KoalaBear4* __restrict__ b, KoalaBear4* __restrict__ out, uint64_t n)
{
    binary_map<ExtMulOp<KoalaBear4>>(a, b, out, n);
}

KERNEL void babybear_ext4_mul(const BabyBear4* __restrict__ a, const BabyBear4* __restrict__ b, BabyBear4* __restrict__ out, uint64_t n)
{
    binary_map<ExtMulOp<BabyBear4>>(a, b, out, n);
}
