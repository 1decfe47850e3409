namespace StarkGpu.Rv32im.Tests.Support;

/// <summary>Encoders for the few instructions the hand-written test programs need.</summary>
internal static class Asm
{
    public static uint R(uint f7, uint rs2, uint rs1, uint f3, uint rd, uint op) =>
        (f7 << 25) | (rs2 << 20) | (rs1 << 15) | (f3 << 12) | (rd << 7) | op;

    public static uint I(int imm, uint rs1, uint f3, uint rd, uint op) =>
        ((uint)(imm & 0xFFF) << 20) | (rs1 << 15) | (f3 << 12) | (rd << 7) | op;

    public static uint S(int imm, uint rs2, uint rs1, uint f3, uint op) =>
        ((uint)((imm >> 5) & 0x7F) << 25) | (rs2 << 20) | (rs1 << 15) | (f3 << 12) | ((uint)(imm & 31) << 7) | op;

    public static uint B(int imm, uint rs2, uint rs1, uint f3) =>
        ((uint)((imm >> 12) & 1) << 31) | ((uint)((imm >> 5) & 0x3F) << 25) | (rs2 << 20) | (rs1 << 15) | (f3 << 12)
        | ((uint)((imm >> 1) & 0xF) << 8) | ((uint)((imm >> 11) & 1) << 7) | 0x63;

    public static uint J(int imm, uint rd) =>
        ((uint)((imm >> 20) & 1) << 31) | ((uint)((imm >> 1) & 0x3FF) << 21) | ((uint)((imm >> 11) & 1) << 20)
        | ((uint)((imm >> 12) & 0xFF) << 12) | (rd << 7) | 0x6F;

    public static uint Addi(uint rd, uint rs1, int imm) => I(imm, rs1, 0, rd, 0x13);

    public static uint Add(uint rd, uint rs1, uint rs2) => R(0, rs2, rs1, 0, rd, 0x33);

    public static uint Lui(uint rd, uint upper20) => (upper20 << 12) | (rd << 7) | 0x37;

    public static uint Lw(uint rd, uint rs1, int imm) => I(imm, rs1, 2, rd, 0x03);

    public static uint Lh(uint rd, uint rs1, int imm) => I(imm, rs1, 1, rd, 0x03);

    public static uint Sw(uint rs2, uint rs1, int imm) => S(imm, rs2, rs1, 2, 0x23);

    public static uint Jal(uint rd, int imm) => J(imm, rd);

    public static uint Jalr(uint rd, uint rs1, int imm) => I(imm, rs1, 0, rd, 0x67);

    public static uint Beq(uint rs1, uint rs2, int imm) => B(imm, rs2, rs1, 0);

    public static uint Auipc(uint rd, uint upper20) => (upper20 << 12) | (rd << 7) | 0x17;

    public const uint Ecall = 0x00000073;
    public const uint Ebreak = 0x00100073;

    /// <summary>t0 = id; a0 = arg: the SP1 syscall calling sequence (two instructions each).</summary>
    public static uint[] Syscall(uint id, int a0) => [Addi(5, 0, (int)id), Addi(10, 0, a0), Ecall];

    /// <summary>HALT with exit code <paramref name="code"/>.</summary>
    public static uint[] Halt(int code) => Syscall(0, code);
}
