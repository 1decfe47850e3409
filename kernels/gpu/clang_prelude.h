// clang_prelude.h - stand-ins for what NVRTC provides implicitly, so that CI can compile every
// kernel for sm_90 with clang in CUDA mode on a machine without the CUDA toolkit:
//   clang -x cuda --cuda-gpu-arch=sm_90 --cuda-device-only -nocudainc -nocudalib -S -include gpu/clang_prelude.h
#pragma once
#define __device__ __attribute__((device))
#define __global__ __attribute__((global))
#define __host__ __attribute__((host))
#define __shared__ __attribute__((shared))
#define __constant__ __attribute__((constant))
#define __forceinline__ __inline__ __attribute__((always_inline))
#define __noinline__ __attribute__((noinline))
#define __launch_bounds__(...) __attribute__((launch_bounds(__VA_ARGS__)))
#include <__clang_cuda_builtin_vars.h>
#define __CUDACC_RTC__ 1
__device__ inline unsigned atomicAdd(unsigned* p, unsigned v) { return __nvvm_atom_add_gen_i((int*)p, (int)v); }
__device__ inline int atomicAdd(int* p, int v) { return __nvvm_atom_add_gen_i(p, v); }
__device__ inline unsigned long long atomicAdd(unsigned long long* p, unsigned long long v)
{ return (unsigned long long)__nvvm_atom_add_gen_ll((long long*)p, (long long)v); }
__device__ inline unsigned atomicMax(unsigned* p, unsigned v) { return __nvvm_atom_max_gen_ui(p, v); }
__device__ inline unsigned atomicMin(unsigned* p, unsigned v) { return __nvvm_atom_min_gen_ui(p, v); }
__device__ inline unsigned atomicOr(unsigned* p, unsigned v) { return (unsigned)__nvvm_atom_or_gen_i((int*)p, (int)v); }
__device__ inline unsigned __umulhi(unsigned a, unsigned b) { return __nvvm_mulhi_ui(a, b); }
__device__ inline unsigned long long __umul64hi(unsigned long long a, unsigned long long b) { return __nvvm_mulhi_ull(a, b); }
// clang-19 has no __nvvm_clz_i/__nvvm_popc_i builtins; the generic ones lower to the same PTX
// (clz.b32, popc.b32), and __builtin_clzg gives CUDA's __clz(0) == 32.
#define __nvvm_clz_i(x) __builtin_clzg((unsigned)(x), 32)
#define __nvvm_popc_i(x) __builtin_popcount((unsigned)(x))
__device__ inline int __clz(int x) { return __nvvm_clz_i(x); }
__device__ inline int __popc(unsigned x) { return __nvvm_popc_i((int)x); }
__device__ inline void __threadfence() { __nvvm_membar_gl(); }
template <class T> __device__ inline T min(T a, T b) { return b < a ? b : a; }
template <class T> __device__ inline T max(T a, T b) { return a < b ? b : a; }
