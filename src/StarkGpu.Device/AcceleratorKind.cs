namespace StarkGpu.Device;

/// <summary>Which backend runs the kernels.</summary>
public enum AcceleratorKind
{
    /// <summary>ILGPU's CPU accelerator: the very kernels a GPU runs, one OS thread per core.</summary>
    Cpu,

    /// <summary>ILGPU's CUDA accelerator: the kernels compiled to PTX and run on an NVIDIA GPU.</summary>
    Cuda,
}
