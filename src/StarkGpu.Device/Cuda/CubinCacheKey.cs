using System.Security.Cryptography;
using System.Text;

namespace StarkGpu.Device.Cuda;

/// <summary>
/// Names a compiled CUBIN by everything that determines its bytes: the source, every header it may
/// include, the target architecture, the NVRTC version and the compile options. Each part is
/// length-prefixed, so that no two different inputs hash the same bytes.
/// </summary>
internal static class CubinCacheKey
{
    // Bump when the meaning of a cached file changes (for example a different hashing scheme).
    private const string Format = "stark-gpu cubin v1";

    public static string Compute(
        KernelSourceFile source,
        IEnumerable<KernelSourceFile> headers,
        string architecture,
        string nvrtcVersion,
        IEnumerable<string> options)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Append(hash, Format);
        Append(hash, architecture);
        Append(hash, nvrtcVersion);
        foreach (var option in options)
        {
            Append(hash, option);
        }

        Append(hash, source.Text);
        foreach (var header in headers.OrderBy(h => h.FileName, StringComparer.Ordinal))
        {
            Append(hash, header.FileName);
            Append(hash, header.Text);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static void Append(IncrementalHash hash, string part)
    {
        var bytes = Encoding.UTF8.GetBytes(part);
        Span<byte> length = stackalloc byte[sizeof(long)];
        BitConverter.TryWriteBytes(length, (long)bytes.Length);
        hash.AppendData(length);
        hash.AppendData(bytes);
    }
}
