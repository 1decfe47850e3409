using System.Runtime.CompilerServices;

// The CUDA backend's pure pieces (kernel source lookup, CUBIN cache key, NVRTC file choices) are
// tested on machines without a GPU.
[assembly: InternalsVisibleTo("StarkGpu.Device.Tests")]
