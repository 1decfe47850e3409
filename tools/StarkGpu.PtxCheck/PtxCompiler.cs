using System.Reflection;
using ILGPU;
using ILGPU.Algorithms;
using ILGPU.Backends.EntryPoints;
using ILGPU.Backends.PTX;
using ILGPU.Runtime;
using ILGPU.Runtime.Cuda;

namespace StarkGpu.PtxCheck;

/// <summary>
/// Compiles one kernel to PTX for sm_90 (PTX ISA 7.8) with ILGPU's PTX backend, as the CUDA accelerator would on an
/// H100/H200, but without a GPU or the CUDA driver: no NVVM, no device query.
/// </summary>
internal static class PtxCompiler
{
    public static CudaArchitecture Architecture => CudaArchitecture.SM_90;

    /// <summary>ptxas's name for <see cref="Architecture"/>.</summary>
    public const string ArchitectureName = "sm_90";

    /// <summary>
    /// The PTX of <paramref name="kernel"/>, an implicitly grouped kernel (its first parameter an Index1D, launched
    /// auto-grouped). Every kernel gets a fresh context: a failed compile leaves its context unusable.
    /// </summary>
    public static string Compile(MethodInfo kernel, OptimizationLevel? optimization)
    {
        using var context = Context.Create(builder =>
        {
            builder.Cuda().EnableAlgorithms();
            if (optimization is { } level)
            {
                builder.Optimize(level);
            }
        });
        var backend = new PTXBackend(
            context, new CudaCapabilityContext(Architecture), Architecture, CudaInstructionSet.ISA_78, nvvmAPI: null!);
        var entry = EntryPointDescription.FromImplicitlyGroupedKernel(kernel);
        var compiled = backend.Compile(entry, default(KernelSpecialization));
        return ((PTXCompiledKernel)compiled).PTXAssembly;
    }
}
