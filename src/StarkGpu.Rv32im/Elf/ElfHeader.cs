using System.Buffers.Binary;

namespace StarkGpu.Rv32im.Elf;

/// <summary>The fields of an ELF32 file header this loader uses, validated for an RV32IM executable.</summary>
internal readonly record struct ElfHeader(uint Entry, uint ProgramHeaderOffset, int ProgramHeaderCount)
{
    public const int Size = 52;
    public const int ProgramHeaderSize = 32;
    public const int MaxProgramHeaders = 256;

    private const ushort EtExec = 2;
    private const ushort EmRiscv = 243;
    private const uint EfRiscvRvc = 0x1, EfRiscvFloatAbi = 0x6, EfRiscvRve = 0x8;

    public static ElfHeader Parse(ReadOnlySpan<byte> file)
    {
        if (file.Length < Size)
        {
            throw new ElfFormatException($"file is {file.Length} bytes, shorter than the {Size}-byte ELF32 header");
        }

        if (file[0] != 0x7F || file[1] != (byte)'E' || file[2] != (byte)'L' || file[3] != (byte)'F')
        {
            throw new ElfFormatException(
                $"e_ident magic is {file[0]:x2} {file[1]:x2} {file[2]:x2} {file[3]:x2}, expected 7f 45 4c 46");
        }

        Expect("e_ident[EI_CLASS]", file[4], 1, "ELFCLASS32");
        Expect("e_ident[EI_DATA]", file[5], 1, "ELFDATA2LSB, little-endian");
        Expect("e_ident[EI_VERSION]", file[6], 1, "EV_CURRENT");
        Expect("e_type", U16(file, 16), EtExec, "ET_EXEC");
        Expect("e_machine", U16(file, 18), EmRiscv, "EM_RISCV");
        Expect("e_version", U32(file, 20), 1, "EV_CURRENT");
        uint flags = U32(file, 36);
        if ((flags & (EfRiscvRvc | EfRiscvFloatAbi | EfRiscvRve)) != 0)
        {
            throw new ElfFormatException(
                $"e_flags is 0x{flags:x}: compressed (RVC), RVE and hardware-float ABIs are not RV32IM/ilp32");
        }

        Expect("e_ehsize", U16(file, 40), Size, "the ELF32 header size");
        int count = U16(file, 44);
        if (count == 0 || count > MaxProgramHeaders)
        {
            throw new ElfFormatException($"e_phnum is {count}, expected 1..{MaxProgramHeaders}");
        }

        Expect("e_phentsize", U16(file, 42), ProgramHeaderSize, "the ELF32 program header size");
        uint offset = U32(file, 28);
        if ((ulong)offset + ((ulong)count * ProgramHeaderSize) > (ulong)file.Length)
        {
            throw new ElfFormatException(
                $"e_phoff 0x{offset:x} with e_phnum {count}: the program headers end past the file ({file.Length} bytes)");
        }

        return new ElfHeader(U32(file, 24), offset, count);
    }

    internal static ushort U16(ReadOnlySpan<byte> file, int at) => BinaryPrimitives.ReadUInt16LittleEndian(file[at..]);

    internal static uint U32(ReadOnlySpan<byte> file, int at) => BinaryPrimitives.ReadUInt32LittleEndian(file[at..]);

    private static void Expect(string field, uint actual, uint expected, string meaning)
    {
        if (actual != expected)
        {
            throw new ElfFormatException($"{field} is {actual}, expected {expected} ({meaning})");
        }
    }
}
