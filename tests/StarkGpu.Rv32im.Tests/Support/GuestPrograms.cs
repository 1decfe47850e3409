namespace StarkGpu.Rv32im.Tests.Support;

/// <summary>The guest programs of tests/programs/src, by how they can be checked.</summary>
internal static class GuestPrograms
{
    /// <summary>Programs that also run under qemu-riscv32 (they set a7 as well as t0).</summary>
    public static readonly string[] QemuComparable = ["fibonacci", "sha256", "keccak", "sort", "bigmul", "memory", "insn_test"];

    /// <summary>Programs that use SP1-only syscalls (hints, COMMIT, unconstrained blocks).</summary>
    public static readonly string[] Sp1Only = ["hints"];

    /// <summary>
    /// Programs too long for the qemu oracle's per-instruction log (millions of cycles): checked against
    /// known answers instead.
    /// </summary>
    public static readonly string[] Long = ["sha256_long"];

    public static IEnumerable<string> All => QemuComparable.Concat(Sp1Only).Concat(Long);
}
