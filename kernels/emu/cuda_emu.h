// cuda_emu.h - just enough CUDA C for portable kernels to compile with g++ and run on the CPU.
// Force-included by the CPU backend build (kernels/Makefile). Thread and block indices are
// thread-local; atomics map to GCC __atomic builtins (relaxed, device scope like CUDA's).
// Anything the portability rules forbid (shared memory, barriers, warp intrinsics) is a compile
// error here, so a kernel that would need them cannot slip into the portable set.
#pragma once
#define CUDA_EMU 1

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <atomic>
#include <type_traits>
#include <utility>
#include <omp.h>

#define __global__
#define __device__
#define __host__
#define __forceinline__ inline __attribute__((always_inline))
#define __noinline__ __attribute__((noinline))
#define __launch_bounds__(...)
#define __restrict__ __restrict
#define __constant__ static const
#define __shared__ __portability_rule_3_shared_memory_is_not_allowed_in_portable_kernels

struct uint3 { unsigned x, y, z; };
struct dim3 {
    unsigned x, y, z;
    constexpr dim3(unsigned x_ = 1, unsigned y_ = 1, unsigned z_ = 1) : x(x_), y(y_), z(z_) {}
};

namespace emu {
// worker: the OS thread (OpenMP thread number) running the current block, for per-worker scratch (worker_slot).
struct ThreadContext { uint3 tid; uint3 bid; dim3 bdim; dim3 gdim; unsigned worker; };
// initial-exec TLS: one %fs-relative load instead of a __tls_get_addr call per access.
inline thread_local ThreadContext ctx __attribute__((tls_model("initial-exec")));

// First index of thread tid's contiguous chunk of [0, n) split among nt threads (no overflow).
static inline uint64_t chunk_begin(uint64_t tid, uint64_t nt, uint64_t n)
{
    const uint64_t q = n / nt, r = n % nt;
    return tid * q + (tid < r ? tid : r);
}
struct Range { uint64_t begin, end; bool once; };
static inline Range thread_range(uint64_t n)
{
    const uint64_t tid = (uint64_t)ctx.bid.x * ctx.bdim.x + ctx.tid.x;
    const uint64_t nt = (uint64_t)ctx.bdim.x * ctx.gdim.x;
    return Range{chunk_begin(tid, nt, n), chunk_begin(tid + 1, nt, n), true};
}
} // namespace emu

#define threadIdx (::emu::ctx.tid)
#define blockIdx  (::emu::ctx.bid)
#define blockDim  (::emu::ctx.bdim)
#define gridDim   (::emu::ctx.gdim)
#define warpSize  32

// ---- forbidden in portable kernels (rule 3): deleted, so any use fails to compile ----
void __syncthreads() = delete;
void __syncwarp(unsigned = 0xffffffffu) = delete;
template <class T> T __shfl_sync(unsigned, T, int, int = 32) = delete;
template <class T> T __shfl_down_sync(unsigned, T, unsigned, int = 32) = delete;
template <class T> T __shfl_up_sync(unsigned, T, unsigned, int = 32) = delete;
template <class T> T __shfl_xor_sync(unsigned, T, int, int = 32) = delete;
unsigned __ballot_sync(unsigned, int) = delete;
int __any_sync(unsigned, int) = delete;
int __all_sync(unsigned, int) = delete;

static inline void __threadfence() { std::atomic_thread_fence(std::memory_order_seq_cst); }

// ---- atomics ----
#define EMU_ATOMICS(T)                                                                             \
    static inline T atomicAdd(T* p, T v) { return __atomic_fetch_add(p, v, __ATOMIC_RELAXED); }    \
    static inline T atomicSub(T* p, T v) { return __atomic_fetch_sub(p, v, __ATOMIC_RELAXED); }    \
    static inline T atomicAnd(T* p, T v) { return __atomic_fetch_and(p, v, __ATOMIC_RELAXED); }    \
    static inline T atomicOr(T* p, T v) { return __atomic_fetch_or(p, v, __ATOMIC_RELAXED); }      \
    static inline T atomicXor(T* p, T v) { return __atomic_fetch_xor(p, v, __ATOMIC_RELAXED); }    \
    static inline T atomicExch(T* p, T v) { return __atomic_exchange_n(p, v, __ATOMIC_RELAXED); }  \
    static inline T atomicCAS(T* p, T expected, T v) {                                             \
        __atomic_compare_exchange_n(p, &expected, v, false, __ATOMIC_RELAXED, __ATOMIC_RELAXED);    \
        return expected; }                                                                         \
    static inline T atomicMax(T* p, T v) { T o = __atomic_load_n(p, __ATOMIC_RELAXED);             \
        while (o < v && !__atomic_compare_exchange_n(p, &o, v, true, __ATOMIC_RELAXED, __ATOMIC_RELAXED)) {} \
        return o; }                                                                                \
    static inline T atomicMin(T* p, T v) { T o = __atomic_load_n(p, __ATOMIC_RELAXED);             \
        while (o > v && !__atomic_compare_exchange_n(p, &o, v, true, __ATOMIC_RELAXED, __ATOMIC_RELAXED)) {} \
        return o; }
EMU_ATOMICS(int)
EMU_ATOMICS(unsigned int)
EMU_ATOMICS(unsigned long long)
#undef EMU_ATOMICS

// ---- integer intrinsics ----
static inline unsigned __umulhi(unsigned a, unsigned b) { return (unsigned)(((uint64_t)a * b) >> 32); }
static inline int __mulhi(int a, int b) { return (int)(((int64_t)a * b) >> 32); }
static inline unsigned long long __umul64hi(unsigned long long a, unsigned long long b)
{ return (unsigned long long)(((unsigned __int128)a * b) >> 64); }
static inline long long __mul64hi(long long a, long long b) { return (long long)(((__int128)a * b) >> 64); }
static inline int __popc(unsigned x) { return __builtin_popcount(x); }
static inline int __popcll(unsigned long long x) { return __builtin_popcountll(x); }
static inline int __clz(int x) { return x ? __builtin_clz((unsigned)x) : 32; }
static inline int __clzll(long long x) { return x ? __builtin_clzll((unsigned long long)x) : 64; }
static inline int __ffs(int x) { return __builtin_ffs(x); }
static inline unsigned __brev(unsigned x) {
    x = ((x >> 1) & 0x55555555u) | ((x & 0x55555555u) << 1);
    x = ((x >> 2) & 0x33333333u) | ((x & 0x33333333u) << 2);
    x = ((x >> 4) & 0x0f0f0f0fu) | ((x & 0x0f0f0f0fu) << 4);
    return __builtin_bswap32(x); }
template <class T> static inline T __ldg(const T* p) { return *p; }
template <class T> static inline T min(T a, T b) { return b < a ? b : a; }
template <class T> static inline T max(T a, T b) { return a < b ? b : a; }

// ---- streaming stores (kernels/include/trace_lines.cuh makes them) ----
#if defined(__x86_64__)
#include <immintrin.h>
#endif
namespace emu {
// Orders this thread's non-temporal stores before whatever it does next (the end of a launch).
static inline void streaming_fence()
{
#if defined(__x86_64__)
    _mm_sfence();
#endif
}
} // namespace emu

// ---- launch machinery: used by the generated registration units, never by kernels ----
namespace emu {
struct Dims { unsigned gx, gy, gz, bx, by, bz; };
template <class T> using arg_t = std::remove_cv_t<std::remove_reference_t<T>>;

template <class... A, std::size_t... I>
__forceinline__ void call_unpacked(void (*f)(A...), void** args, std::index_sequence<I...>)
{   // cuLaunchKernel's convention: args[k] points at the value of parameter k
    f(*static_cast<arg_t<A>*>(args[I])...);
}
template <class... A> constexpr std::size_t arity(void (*)(A...)) { return sizeof...(A); }

// One instantiation per kernel, so the kernel body is inlined into the per-thread loop.
// Threads are given per launch (by the accelerator that launches), not by omp_set_num_threads,
// which would only affect the calling thread: launches come from any .NET thread.
template <auto F>
int launch(void** args, const Dims& d, int threads)
{
    const long long blocks = (long long)d.gx * d.gy * d.gz;
#pragma omp parallel num_threads(threads)
    {
        ctx.gdim = dim3(d.gx, d.gy, d.gz);
        ctx.bdim = dim3(d.bx, d.by, d.bz);
        ctx.worker = (unsigned)omp_get_thread_num();
#pragma omp for schedule(static)
        for (long long b = 0; b < blocks; ++b) {
            ctx.bid = uint3{(unsigned)(b % d.gx), (unsigned)((b / d.gx) % d.gy),
                            (unsigned)(b / ((long long)d.gx * d.gy))};
            for (unsigned tz = 0; tz < d.bz; ++tz)
                for (unsigned ty = 0; ty < d.by; ++ty)
                    for (unsigned tx = 0; tx < d.bx; ++tx) {
                        ctx.tid = uint3{tx, ty, tz};
                        call_unpacked(F, args, std::make_index_sequence<arity(F)>{});
                    }
        }
        streaming_fence();
    }
    return 0;
}

struct KernelEntry { const char* name; int (*launch)(void**, const Dims&, int); };
void register_kernel(const KernelEntry* entry);
struct Registrar { explicit Registrar(const KernelEntry* e) { register_kernel(e); } };
} // namespace emu

// Used by the generated registration unit of each .cu file (see kernels/Makefile).
#define EMU_REGISTER(k)                                                                        \
    static const ::emu::KernelEntry emu_entry_##k{#k, &::emu::launch<&k>};                     \
    static const ::emu::Registrar emu_registrar_##k{&emu_entry_##k};
