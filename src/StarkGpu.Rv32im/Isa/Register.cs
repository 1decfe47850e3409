namespace StarkGpu.Rv32im.Isa;

/// <summary>Register indices the executor and the syscall convention name.</summary>
public static class Register
{
    /// <summary>x0, hard-wired zero.</summary>
    public const byte Zero = 0;

    /// <summary>x2, stack pointer.</summary>
    public const byte Sp = 2;

    /// <summary>x5: syscall id on ECALL, and the syscall's result.</summary>
    public const byte T0 = 5;

    /// <summary>x10: first syscall argument; HALT's exit code.</summary>
    public const byte A0 = 10;

    /// <summary>x11: second syscall argument.</summary>
    public const byte A1 = 11;

    /// <summary>x12: third syscall argument (WRITE's length).</summary>
    public const byte A2 = 12;

    /// <summary>x17: Linux syscall number; ignored by the executor, set by guests that also run under qemu.</summary>
    public const byte A7 = 17;

    private static readonly string[] AbiNames =
    [
        "zero", "ra", "sp", "gp", "tp", "t0", "t1", "t2", "s0", "s1", "a0", "a1", "a2", "a3", "a4", "a5",
        "a6", "a7", "s2", "s3", "s4", "s5", "s6", "s7", "s8", "s9", "s10", "s11", "t3", "t4", "t5", "t6",
    ];

    /// <summary>The ABI name of register <paramref name="index"/> (0..31).</summary>
    public static string Name(uint index) => index < 32 ? AbiNames[index] : $"x{index}";
}
