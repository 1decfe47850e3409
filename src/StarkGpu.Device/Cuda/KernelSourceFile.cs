namespace StarkGpu.Device.Cuda;

/// <summary>A kernel source or header, by its path under <c>kernels/</c> (such as <c>layout/transpose.cu</c>).</summary>
internal sealed record KernelSourceFile(string Path, string Text)
{
    /// <summary>The bare file name, by which .cu files <c>#include</c> the headers.</summary>
    public string FileName => System.IO.Path.GetFileName(Path);
}
