namespace StarkGpu.Device.Cpu;

/// <summary>Which build of the CPU backend's kernel library an accelerator runs (kernels/Makefile makes them).</summary>
public enum CpuKernelBuild
{
    /// <summary>The AVX-512 build where the processor has AVX-512 and the build was shipped, else the portable one.</summary>
    Auto,

    /// <summary>The portable build: x86-64-v3 (AVX2) on x86-64, the compiler's default elsewhere.</summary>
    Portable,

    /// <summary>The x86-64-v4 (AVX-512) build; an accelerator asked for it on a processor without AVX-512 fails to open.</summary>
    Avx512,
}
