using StarkGpu.Device.Cuda;

namespace StarkGpu.Device.Tests.Cuda;

[TestFixture]
public sealed class CubinCacheTests
{
    private static readonly KernelSourceFile Source = new("layout/transpose.cu", "KERNEL void k() {}");
    private static readonly KernelSourceFile[] Headers = [new("include/common.cuh", "#pragma once"), new("include/field.cuh", "// field")];
    private static readonly string[] Options = ["--gpu-architecture=sm_90", "-std=c++17"];

    private static string Key(KernelSourceFile? source = null, KernelSourceFile[]? headers = null, string architecture = "sm_90", string version = "13.0", string[]? options = null) =>
        CubinCacheKey.Compute(source ?? Source, headers ?? Headers, architecture, version, options ?? Options);

    [Test]
    public void KeyIsStableAndIgnoresHeaderOrder()
    {
        Assert.That(Key(), Is.EqualTo(Key()));
        Assert.That(Key(headers: [.. Headers.Reverse()]), Is.EqualTo(Key()));
        Assert.That(Key(), Has.Length.EqualTo(64).And.Match("^[0-9a-f]+$"));
    }

    [Test]
    public void KeyChangesWithEveryInput()
    {
        var keys = new[]
        {
            Key(),
            Key(source: Source with { Text = Source.Text + " " }),
            Key(headers: [Headers[0], Headers[1] with { Text = "// field 2" }]),
            Key(headers: [Headers[0]]),
            Key(architecture: "sm_89"),
            Key(version: "12.9"),
            Key(options: ["--gpu-architecture=sm_90", "-std=c++20"]),
        };
        Assert.That(keys, Is.Unique);
    }

    [Test]
    public void KeySeparatesParts()
    {
        // Without length prefixes, "ab"+"c" and "a"+"bc" would hash alike.
        Assert.That(Key(architecture: "sm_9", version: "013.0"), Is.Not.EqualTo(Key(architecture: "sm_90", version: "13.0")));
    }

    [Test]
    public void FileNameIsReadableAndKeyed() =>
        Assert.That(CubinCache.FileName(Source, "abc"), Is.EqualTo("layout_transpose-abc.cubin"));

    [Test]
    public void WritesAtomicallyAndReadsBack()
    {
        var directory = Path.Combine(Path.GetTempPath(), $"stark-gpu-cubin-test-{Guid.NewGuid():N}");
        try
        {
            var cache = new CubinCache(Path.Combine(directory, "nested"));
            Assert.That(cache.TryRead("x.cubin"), Is.Null);
            cache.TryWrite("x.cubin", [1, 2, 3]);
            cache.TryWrite("x.cubin", [4, 5]);
            Assert.That(cache.TryRead("x.cubin"), Is.EqualTo(new byte[] { 4, 5 }));
            Assert.That(Directory.GetFiles(cache.Directory), Has.Length.EqualTo(1), "no temporary files left");
            cache.TryDelete("x.cubin");
            Assert.That(cache.TryRead("x.cubin"), Is.Null);
        }
        finally
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
    }

    [Test]
    public void UnwritableDirectoryIsOnlyACacheMiss()
    {
        var file = Path.GetTempFileName(); // a file where the directory should be
        try
        {
            var cache = new CubinCache(file);
            Assert.DoesNotThrow(() => cache.TryWrite("x.cubin", [1]));
            Assert.That(cache.TryRead("x.cubin"), Is.Null);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Test]
    [NonParallelizable]
    public void DirectoryCanBeOverridden()
    {
        var saved = Environment.GetEnvironmentVariable(CubinCache.DirectoryVariable);
        try
        {
            Environment.SetEnvironmentVariable(CubinCache.DirectoryVariable, "/tmp/somewhere");
            Assert.That(CubinCache.DefaultDirectory(), Is.EqualTo("/tmp/somewhere"));
            Environment.SetEnvironmentVariable(CubinCache.DirectoryVariable, null);
            Assert.That(CubinCache.DefaultDirectory(), Does.EndWith(Path.Combine("stark-gpu", "cubin")));
        }
        finally
        {
            Environment.SetEnvironmentVariable(CubinCache.DirectoryVariable, saved);
        }
    }
}
