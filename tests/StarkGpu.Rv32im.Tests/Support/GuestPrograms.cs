using System.Buffers.Binary;

namespace StarkGpu.Rv32im.Tests.Support;

/// <summary>The guest programs of tests/programs/src, by how they can be checked.</summary>
internal static class GuestPrograms
{
    /// <summary>Programs that also run under qemu-riscv32 (they set a7 as well as t0).</summary>
    public static readonly string[] QemuComparable = ["fibonacci", "sha256", "keccak", "sort", "bigmul", "memory", "insn_test"];

    /// <summary>Programs that use SP1-only syscalls (hints, COMMIT, unconstrained blocks).</summary>
    public static readonly string[] Sp1Only = ["hints", "hash_chain"];

    /// <summary>
    /// Programs too long for the qemu oracle's per-instruction log (millions of cycles): checked against
    /// known answers instead.
    /// </summary>
    public static readonly string[] Long = ["sha256_long"];

    public static IEnumerable<string> All => QemuComparable.Concat(Sp1Only).Concat(Long);

    /// <summary>
    /// Programs that call the Poseidon2 precompile: not in <see cref="All"/> (the machine tests), since no chip sends
    /// the precompile's memory accesses yet and the memory bus of their shards cannot balance; checked by the
    /// executor's tests.
    /// </summary>
    public static readonly string[] Poseidon2Precompile = ["poseidon2"];

    /// <summary>Links of hash_chain in the program-wide tests (about 6,000 cycles each); its own tests give other counts.</summary>
    public const uint HashChainLinks = 40;

    /// <summary>
    /// The hints a program reads (the hints guest sums 1 + 2 + 3 and 100 + 200 + 300 + 400 + 5; hash_chain reads its
    /// number of links).
    /// </summary>
    public static IReadOnlyList<byte[]> HintsOf(string name) => name switch
    {
        "hints" => [Words(1, 2, 3), Words(100, 200, 300, 400, 5)],
        "hash_chain" => [Words(HashChainLinks)],
        _ => [],
    };

    /// <summary>Words as little-endian bytes.</summary>
    public static byte[] Words(params uint[] words)
    {
        var bytes = new byte[4 * words.Length];
        for (var i = 0; i < words.Length; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(4 * i), words[i]);
        }

        return bytes;
    }
}
