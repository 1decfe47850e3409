using System.Buffers;
using System.Buffers.Binary;
using System.Security.Cryptography;
using StarkGpu.Device;
using StarkGpu.Fields;

namespace StarkGpu.Engine.Digests;

/// <summary>
/// SHA-256 of a trace as a prover commits to it, so that users can tell a trace is exactly the one they expect: the
/// width and height (little-endian 32-bit words), then every cell's canonical value as a little-endian 32-bit word,
/// column after column, rows past the stored height (virtual zeros) not included. The same trace gives the same digest
/// whatever the backend, thread count or run.
/// </summary>
public static class TraceDigest
{
    private const int ChunkCells = 1 << 16;

    /// <summary>The digest of a padded device trace (copied back column by column).</summary>
    public static byte[] Of(PaddedMle<KoalaBear> trace)
    {
        ArgumentNullException.ThrowIfNull(trace);
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Span<byte> shape = stackalloc byte[8];
        BinaryPrimitives.WriteInt32LittleEndian(shape, trace.Width);
        BinaryPrimitives.WriteInt32LittleEndian(shape[4..], trace.Height);
        sha.AppendData(shape);
        if (trace.Inner is { } stored)
        {
            AppendCanonical(sha, stored.ToHostColumnMajor());
        }

        return sha.GetHashAndReset();
    }

    /// <summary>The digest of digests, in the order given (a chip over its shards, a run over its chips).</summary>
    public static byte[] Combine(IEnumerable<byte[]> digests)
    {
        ArgumentNullException.ThrowIfNull(digests);
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var digest in digests)
        {
            sha.AppendData(digest);
        }

        return sha.GetHashAndReset();
    }

    private static void AppendCanonical(IncrementalHash sha, KoalaBear[] cells)
    {
        var bytes = ArrayPool<byte>.Shared.Rent(ChunkCells * sizeof(uint));
        try
        {
            for (var first = 0; first < cells.Length; first += ChunkCells)
            {
                var count = Math.Min(ChunkCells, cells.Length - first);
                for (var i = 0; i < count; i++)
                {
                    BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(i * sizeof(uint)), cells[first + i].Canonical);
                }

                sha.AppendData(bytes, 0, count * sizeof(uint));
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
        }
    }
}
