namespace StarkGpu.Rv32im.Isa;

/// <summary>Bit fields and immediates of a 32-bit RISC-V instruction word (shared by decoder and disassembler).</summary>
internal static class InstructionFields
{
    public static uint MajorOpcode(uint w) => w & 0x7F;

    public static byte Rd(uint w) => (byte)((w >> 7) & 31);

    public static byte Rs1(uint w) => (byte)((w >> 15) & 31);

    public static byte Rs2(uint w) => (byte)((w >> 20) & 31);

    public static uint Funct3(uint w) => (w >> 12) & 7;

    public static uint Funct7(uint w) => w >> 25;

    public static uint ImmI(uint w) => (uint)((int)w >> 20);

    public static uint ImmS(uint w) => (uint)(((int)w >> 20) & ~31) | ((w >> 7) & 31);

    public static uint ImmB(uint w) =>
        (uint)(((int)w >> 19) & ~0xFFF) // sign and bit 12 from bit 31
        | ((w << 4) & 0x800)             // bit 11 from bit 7
        | ((w >> 20) & 0x7E0)            // bits 10:5 from 30:25
        | ((w >> 7) & 0x1E);             // bits 4:1 from 11:8

    public static uint ImmU(uint w) => w & 0xFFFFF000;

    public static uint ImmJ(uint w) =>
        (uint)(((int)w >> 11) & ~0xFFFFF) // sign and bit 20 from bit 31
        | (w & 0xFF000)                    // bits 19:12 in place
        | ((w >> 9) & 0x800)               // bit 11 from bit 20
        | ((w >> 20) & 0x7FE);             // bits 10:1 from 30:21

    public const uint OpLui = 0x37, OpAuipc = 0x17, OpJal = 0x6F, OpJalr = 0x67, OpBranch = 0x63, OpLoad = 0x03,
        OpStore = 0x23, OpImm = 0x13, OpReg = 0x33, OpMiscMem = 0x0F, OpSystem = 0x73;

    public const uint EcallWord = 0x00000073, EbreakWord = 0x00100073;
}
