namespace StarkGpu.Rv32im.Tests.Support;

/// <summary>The guest programs of tests/programs/src, by how they can be checked.</summary>
internal static class GuestPrograms
{
    /// <summary>Programs that also run under qemu-riscv32 (they set a7 as well as t0).</summary>
    public static readonly string[] QemuComparable = ["fibonacci", "sha256", "keccak", "sort", "bigmul", "memory", "insn_test"];

    /// <summary>Programs that use SP1-only syscalls (hints, COMMIT, unconstrained blocks).</summary>
    public static readonly string[] Sp1Only = ["hints"];

    public static IEnumerable<string> All => QemuComparable.Concat(Sp1Only);
}
