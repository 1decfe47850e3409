// emu_runtime.cpp - the C ABI the CPU backend P/Invokes. Shaped like the CUDA driver API so one
// C# launch path serves both backends:
//   emu_get_function(name)                 ~ cuModuleGetFunction
//   emu_launch(fn, args, grid, block, ...)  ~ cuLaunchKernel (synchronous on the CPU)
#include "cuda_emu.h"
#include <omp.h>
#include <vector>

#define EMU_API extern "C" __attribute__((visibility("default")))

namespace emu {
static std::vector<const KernelEntry*>& registry()
{
    static std::vector<const KernelEntry*> kernels;
    return kernels;
}
void register_kernel(const KernelEntry* entry) { registry().push_back(entry); }
} // namespace emu

EMU_API const void* emu_get_function(const char* name)
{
    for (const auto* e : emu::registry())
        if (std::strcmp(e->name, name) == 0) return e;
    return nullptr;
}

EMU_API int emu_kernel_count() { return (int)emu::registry().size(); }
EMU_API const char* emu_kernel_name(int i)
{
    return i >= 0 && i < (int)emu::registry().size() ? emu::registry()[i]->name : nullptr;
}

// Error codes are CUDA's, so the C# side reports both backends the same way.
// threads: OpenMP threads for this launch (the CPU backend's only extra argument).
EMU_API int emu_launch(const void* fn, void** args, unsigned gx, unsigned gy, unsigned gz,
                       unsigned bx, unsigned by, unsigned bz, unsigned shared_bytes, int threads)
{
    if (!fn) return 400;                 // CUDA_ERROR_INVALID_HANDLE
    if (shared_bytes != 0) return 1;     // CUDA_ERROR_INVALID_VALUE: portable kernels use no shared memory
    if (!gx || !gy || !gz || !bx || !by || !bz || (unsigned long long)bx * by * bz > 1024 || threads < 1) return 1;
    const auto* e = static_cast<const emu::KernelEntry*>(fn);
    return e->launch(args, emu::Dims{gx, gy, gz, bx, by, bz}, threads);
}

EMU_API int emu_processor_count() { return omp_get_num_procs(); }

// The instruction set this build of the library was compiled for (kernels/Makefile builds one per x86-64 level).
EMU_API const char* emu_isa()
{
#if defined(__AVX512F__) && defined(__AVX512BW__) && defined(__AVX512DQ__) && defined(__AVX512VL__)
    return "x86-64-v4";
#elif defined(__AVX2__)
    return "x86-64-v3";
#else
    return "generic";
#endif
}
