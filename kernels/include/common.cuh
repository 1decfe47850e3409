// common.cuh - the portability layer every kernel file includes first.
// A kernel source compiles in three worlds:
//   * NVRTC on a GPU machine         (__CUDACC_RTC__ defined)
//   * clang -x cuda in CI            (__CUDACC__ defined, gpu/clang_prelude.h force-included)
//   * g++ for the CPU backend        (CUDA_EMU defined by emu/cuda_emu.h, force-included)
#pragma once

#if defined(__CUDACC_RTC__)
// NVRTC has no libc headers unless the toolkit include path is passed; keep kernels header-free.
typedef unsigned char      uint8_t;
typedef unsigned short     uint16_t;
typedef unsigned int       uint32_t;
typedef unsigned long long uint64_t;
typedef signed char        int8_t;
typedef short              int16_t;
typedef int                int32_t;
typedef long long          int64_t;
#else
#include <stdint.h>
#endif

#if !defined(__CUDACC__) && !defined(__CUDACC_RTC__) && !defined(CUDA_EMU)
#error "compile kernels with NVRTC/clang-cuda, or with g++ -include emu/cuda_emu.h"
#endif

#define KERNEL extern "C" __global__

// min/max of their own: NVRTC, clang-cuda and the emulation header disagree on which overloads of
// the CUDA math header's min/max exist.
__device__ __forceinline__ uint64_t min_u64(uint64_t a, uint64_t b) { return a < b ? a : b; }
__device__ __forceinline__ uint64_t max_u64(uint64_t a, uint64_t b) { return a < b ? b : a; }
__device__ __forceinline__ uint32_t min_u32(uint32_t a, uint32_t b) { return a < b ? a : b; }
__device__ __forceinline__ uint32_t max_u32(uint32_t a, uint32_t b) { return a < b ? b : a; }

// GRID_LOOP(i, n): every index in [0, n) is visited exactly once, by some thread; iterations are
// independent and unordered.
// GPU: grid-stride loop (neighbouring threads touch neighbouring words: coalesced).
// CPU: each emulated thread takes one contiguous chunk (a grid-stride loop executed thread after
// thread on one core would re-walk the whole array once per emulated thread).
// worker_slot(slots): which of `slots` copies of some scratch (counters) the calling thread adds into. On the CPU
// backend it is the OS thread running the block, so with as many slots as threads each copy has one writer and needs
// no atomics. On a GPU it is the block's index modulo slots, and adds stay atomic.
#if defined(CUDA_EMU)
__device__ __forceinline__ uint32_t worker_slot(uint32_t slots) { return ::emu::ctx.worker % slots; }
#else
__device__ __forceinline__ uint32_t worker_slot(uint32_t slots) { return blockIdx.x % slots; }
#endif

#if defined(CUDA_EMU)
#define GRID_LOOP(i, n)                                                                        \
    for (uint64_t i##_tid = (uint64_t)blockIdx.x * blockDim.x + threadIdx.x,                    \
                  i##_nt = (uint64_t)blockDim.x * gridDim.x,                                    \
                  i = ::emu::chunk_begin(i##_tid, i##_nt, (uint64_t)(n)),                       \
                  i##_end = ::emu::chunk_begin(i##_tid + 1, i##_nt, (uint64_t)(n));             \
         i < i##_end; ++i)
// GRID_LOOP_SIMD: GRID_LOOP whose iterations also carry no state between them, so the CPU
// backend may vectorise across iterations.
#define GRID_LOOP_SIMD(i, n)                                                                   \
    for (::emu::Range i##_r = ::emu::thread_range((uint64_t)(n)); i##_r.once; i##_r.once = false) \
        _Pragma("omp simd")                                                                     \
        for (uint64_t i = i##_r.begin; i < i##_r.end; ++i)
#define UNROLL_FULL _Pragma("GCC unroll 64")
#else
#define GRID_LOOP(i, n)                                                                        \
    for (uint64_t i = (uint64_t)blockIdx.x * blockDim.x + threadIdx.x,                          \
                  i##_stride = (uint64_t)blockDim.x * gridDim.x;                                \
         i < (uint64_t)(n); i += i##_stride)
#define GRID_LOOP_SIMD(i, n) GRID_LOOP(i, n)
#define UNROLL_FULL _Pragma("unroll")
#endif
