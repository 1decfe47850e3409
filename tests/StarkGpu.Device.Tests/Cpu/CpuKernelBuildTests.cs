using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;
using StarkGpu.Device.Cpu;

namespace StarkGpu.Device.Tests.Cpu;

/// <summary>The CPU backend's choice between the portable and the AVX-512 build of its kernel library.</summary>
[TestFixture]
public sealed class CpuKernelBuildTests
{
    private static bool ProcessorHasAvx512 =>
        Avx512F.IsSupported && Avx512F.VL.IsSupported && Avx512BW.IsSupported && Avx512CD.IsSupported && Avx512DQ.IsSupported;

    [Test]
    public void TheDefaultBuildIsTheWidestThisProcessorRuns()
    {
        using var accelerator = Accelerators.Cpu();

        var expected = RuntimeInformation.ProcessArchitecture != Architecture.X64 ? "generic"
            : ProcessorHasAvx512 ? "x86-64-v4" : "x86-64-v3";
        Assert.That(accelerator.KernelIsa, Is.EqualTo(expected));
        Assert.That(accelerator.Name, Does.Contain(expected));
    }

    [Test]
    public void ThePortableBuildIsX86_64_V3()
    {
        Assume.That(RuntimeInformation.ProcessArchitecture, Is.EqualTo(Architecture.X64));
        using var accelerator = Accelerators.Cpu(new CpuAcceleratorOptions { Kernels = CpuKernelBuild.Portable });

        Assert.That(accelerator.KernelIsa, Is.EqualTo("x86-64-v3"));
    }

    [Test]
    public void TheAvx512BuildRunsOnlyWhereTheProcessorHasIt()
    {
        var options = new CpuAcceleratorOptions { Kernels = CpuKernelBuild.Avx512 };
        if (ProcessorHasAvx512)
        {
            using var accelerator = Accelerators.Cpu(options);
            Assert.That(accelerator.KernelIsa, Is.EqualTo("x86-64-v4"));
        }
        else
        {
            Assert.That(() => Accelerators.Cpu(options), Throws.TypeOf<DeviceException>().With.Message.Contains("lacks AVX-512"));
        }
    }

    [Test]
    public void BothBuildsRunInOneProcess()
    {
        using var portable = Accelerators.Cpu(new CpuAcceleratorOptions { Kernels = CpuKernelBuild.Portable });
        using var widest = Accelerators.Cpu();

        Assert.That(CopyThrough(portable), Is.EqualTo(Enumerable.Range(0, 1000).Select(i => (uint)i)));
        Assert.That(CopyThrough(widest), Is.EqualTo(Enumerable.Range(0, 1000).Select(i => (uint)i)));
    }

    private static uint[] CopyThrough(CpuAccelerator accelerator)
    {
        var stream = accelerator.DefaultStream;
        using var input = stream.Upload<uint>(Enumerable.Range(0, 1000).Select(i => (uint)i).ToArray());
        using var output = stream.Allocate<uint>(1000);
        stream.Launch("copy_u32", 1000, input, output, 1000L);
        var result = new uint[1000];
        stream.CopyToHost(output, result);
        return result;
    }
}
