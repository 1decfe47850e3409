namespace StarkGpu.Device;

/// <summary>Which backend runs the kernels.</summary>
public enum AcceleratorKind
{
    /// <summary>The kernels compiled by g++ under the CUDA emulation header, run with OpenMP.</summary>
    Cpu,

    /// <summary>The kernels compiled by NVRTC for an NVIDIA GPU, run through the CUDA driver API.</summary>
    Cuda,
}
