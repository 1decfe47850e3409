using StarkGpu.Device.Cuda;

namespace StarkGpu.Device.Tests.Cuda;

/// <summary>The choices made around NVRTC that need no GPU: architecture, builtins file, library path.</summary>
[TestFixture]
public sealed class NvrtcChoiceTests
{
    [TestCase(9, 0, new[] { 75, 80, 86, 89, 90, 100, 120 }, "sm_90")]
    [TestCase(8, 6, new[] { 75, 80, 90 }, "sm_80")]
    [TestCase(12, 1, new[] { 90, 100, 120 }, "sm_120")]
    [TestCase(8, 9, new int[0], "sm_89")]
    [TestCase(7, 0, new[] { 75, 80, 90 }, null)]
    [TestCase(12, 0, new[] { 75, 80, 90 }, null)]
    public void ChoosesACompatibleArchitecture(int major, int minor, int[] supported, string? expected) =>
        Assert.That(NvrtcArchitecture.Choose(major, minor, supported), Is.EqualTo(expected));

    [Test]
    public void OptionsAskForACubinOfTheArchitecture() =>
        Assert.That(NvrtcCompiler.OptionsFor("sm_90"), Is.EqualTo(new[] { "--gpu-architecture=sm_90", "-std=c++17", "-default-device" }));

    [Test]
    public void PrefersTheBuiltinsSonameOfTheSameVersion()
    {
        string[] files = ["libnvrtc-builtins.so.13.0.48", "libnvrtc-builtins.so.13.0", "libnvrtc-builtins.so.12.9", "libnvrtc-builtins.so"];
        Assert.That(NvrtcBuiltins.Choose(files, 13, 0), Is.EqualTo("libnvrtc-builtins.so.13.0"));
        Assert.That(NvrtcBuiltins.Choose(files[..1], 13, 0), Is.EqualTo("libnvrtc-builtins.so.13.0.48"));
        Assert.That(NvrtcBuiltins.Choose(["libnvrtc-builtins.so.13.1"], 13, 0), Is.EqualTo("libnvrtc-builtins.so.13.1"));
        Assert.That(NvrtcBuiltins.Choose(files, 11, 8), Is.Null);
    }

    [Test]
    public void FindsTheFileMappedAtAnAddress()
    {
        string[] maps =
        [
            "7f0000000000-7f0000001000 r--p 00000000 08:01 42      /usr/lib/x86_64-linux-gnu/libc.so.6",
            "7f0000100000-7f0000200000 r-xp 00010000 08:01 4242    /opt/cuda 13/lib64/libnvrtc.so.13.0.48",
            "7f0000300000-7f0000301000 rw-p 00000000 00:00 0",
        ];
        Assert.That(LoadedLibraryPath.Containing(0x7f0000150000, maps), Is.EqualTo("/opt/cuda 13/lib64/libnvrtc.so.13.0.48"));
        Assert.That(LoadedLibraryPath.Containing(0x7f0000300010, maps), Is.Null);
        Assert.That(LoadedLibraryPath.Containing(0x10, maps), Is.Null);
    }
}
