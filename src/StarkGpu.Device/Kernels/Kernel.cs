namespace StarkGpu.Device;

/// <summary>A kernel entry point resolved by name on one accelerator.</summary>
public sealed class Kernel
{
    internal Kernel(string name, nint handle)
    {
        Name = name;
        Handle = handle;
    }

    /// <summary>The <c>extern "C"</c> name in <c>kernels/</c>.</summary>
    public string Name { get; }

    /// <summary>CUfunction on CUDA; the registry entry on the CPU backend.</summary>
    internal nint Handle { get; }

    public override string ToString() => Name;
}
