using System.Reflection;

namespace StarkGpu.Kernels;

/// <summary>
/// Lists every kernel (a closed, launchable method) that an assembly's code can launch, so that the GPU check
/// (<c>tools/StarkGpu.PtxCheck</c>) compiles each one to PTX for sm_90 and assembles it with ptxas. An assembly with
/// kernels has one public class implementing it with a parameterless constructor.
/// </summary>
public interface IKernelCatalog
{
    IEnumerable<KernelEntry> Kernels();
}

/// <summary>A kernel as the GPU check names it.</summary>
public sealed record KernelEntry(string Name, MethodInfo Method);
