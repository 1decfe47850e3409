namespace StarkGpu.Device.Cuda;

/// <summary>
/// One accelerator's loaded kernels: at the first use of a kernel, the .cu that defines it is compiled
/// by NVRTC (or its CUBIN taken from the disk cache) and loaded as a CUmodule, which lives as long as
/// the accelerator. One module per source file, so that later kernels of the same file are free.
/// </summary>
internal sealed unsafe class CudaKernelModules(CudaPrimaryContext context, CudaDeviceInfo device, KernelSourceCatalog catalog, CubinCache cache) : IDisposable
{
    private readonly Dictionary<string, nint> _modules = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private bool _disposed;

    public nint GetFunction(string kernelName)
    {
        var source = catalog.FindDefinition(kernelName);
        nint module;
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (!_modules.TryGetValue(source.Path, out module))
            {
                module = LoadModule(source);
                _modules[source.Path] = module;
            }
        }

        context.MakeCurrent();
        CudaErrors.Check(CudaDriver.cuModuleGetFunction(out var function, module, kernelName), "cuModuleGetFunction", $"kernel '{kernelName}' in kernels/{source.Path}");
        return function;
    }

    private nint LoadModule(KernelSourceFile source)
    {
        var nvrtc = NvrtcLibrary.Shared;
        var architecture = NvrtcArchitecture.Choose(device.ComputeCapabilityMajor, device.ComputeCapabilityMinor, [.. nvrtc.SupportedArchitectures])
            ?? throw new DeviceException(
                $"NVRTC {nvrtc.VersionText} ({nvrtc.FilePath}) cannot generate code for {device.Architecture} ({device.Name}); it supports {string.Join(", ", nvrtc.SupportedArchitectures.Select(a => $"sm_{a}"))}");
        var options = NvrtcCompiler.OptionsFor(architecture);
        var key = CubinCacheKey.Compute(source, catalog.Headers, architecture, nvrtc.VersionText, options);
        var fileName = CubinCache.FileName(source, key);

        var cached = cache.TryRead(fileName);
        if (cached is not null)
        {
            if (TryLoad(cached, out var module) == CudaDriver.Success)
            {
                return module;
            }

            cache.TryDelete(fileName); // truncated or otherwise unusable: compile afresh
        }

        var cubin = NvrtcCompiler.Compile(nvrtc, source, catalog.Headers, options);
        CudaErrors.Check(TryLoad(cubin, out var compiled), "cuModuleLoadData", $"kernels/{source.Path} for {architecture}");
        cache.TryWrite(fileName, cubin);
        return compiled;
    }

    private int TryLoad(byte[] cubin, out nint module)
    {
        context.MakeCurrent();
        fixed (byte* image = cubin)
        {
            return CudaDriver.cuModuleLoadData(out module, image);
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (context.TryMakeCurrent())
            {
                foreach (var module in _modules.Values)
                {
                    _ = CudaDriver.cuModuleUnload(module); // teardown must not throw
                }
            }

            _modules.Clear();
            _disposed = true;
        }
    }
}
