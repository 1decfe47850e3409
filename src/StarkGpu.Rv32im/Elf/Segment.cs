namespace StarkGpu.Rv32im.Elf;

/// <summary>A validated PT_LOAD segment: file bytes [Offset, Offset + FileSize) map to [Address, Address + MemorySize).</summary>
internal readonly record struct Segment(int Index, uint Address, uint Offset, uint FileSize, uint MemorySize, bool Executable)
{
    public const uint PtLoad = 1, PtDynamic = 2, PtInterp = 3;
    public const uint PfExecute = 1;

    public ulong End => (ulong)Address + MemorySize;

    public override string ToString() => $"segment {Index} [0x{Address:x8}, 0x{End:x8})";

    /// <summary>Reads program header <paramref name="index"/>; null for headers that map nothing.</summary>
    public static Segment? Parse(ReadOnlySpan<byte> file, in ElfHeader header, int index)
    {
        int at = (int)header.ProgramHeaderOffset + (index * ElfHeader.ProgramHeaderSize);
        uint type = ElfHeader.U32(file, at);
        if (type is PtDynamic or PtInterp)
        {
            throw new ElfFormatException($"program header {index} has p_type {type} (dynamic linking): only static executables load");
        }

        uint memSize = ElfHeader.U32(file, at + 20);
        if (type != PtLoad || memSize == 0)
        {
            return null;
        }

        uint offset = ElfHeader.U32(file, at + 4);
        uint address = ElfHeader.U32(file, at + 8);
        uint fileSize = ElfHeader.U32(file, at + 16);
        uint flags = ElfHeader.U32(file, at + 24);
        if (fileSize > memSize)
        {
            throw new ElfFormatException($"segment {index}: p_filesz 0x{fileSize:x} exceeds p_memsz 0x{memSize:x}");
        }

        if ((ulong)offset + fileSize > (ulong)file.Length)
        {
            throw new ElfFormatException(
                $"segment {index}: p_offset 0x{offset:x} + p_filesz 0x{fileSize:x} ends past the file ({file.Length} bytes)");
        }

        if (address < AddressSpace.DataStart || (ulong)address + memSize > AddressSpace.Limit)
        {
            throw new ElfFormatException(
                $"segment {index}: p_vaddr 0x{address:x} + p_memsz 0x{memSize:x} is outside the guest address range " +
                $"[0x{AddressSpace.DataStart:x}, 0x{AddressSpace.Limit:x})");
        }

        return new Segment(index, address, offset, fileSize, memSize, (flags & PfExecute) != 0);
    }
}
