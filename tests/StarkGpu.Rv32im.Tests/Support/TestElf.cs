using System.Buffers.Binary;

namespace StarkGpu.Rv32im.Tests.Support;

/// <summary>A PT_LOAD segment for <see cref="TestElf"/>.</summary>
internal sealed record TestSegment(uint Address, byte[] Data, uint MemorySize, bool Executable);

/// <summary>Writes small ELF32 RISC-V executables, for loader and executor tests.</summary>
internal static class TestElf
{
    public const uint CodeBase = 0x0020_0800;
    public const uint DataBase = 0x0030_0000;

    public const int PhOffOffset = 28, PhNumOffset = 44, EntryOffset = 24, HeaderSize = 52, PhSize = 32;

    /// <summary>Offset of field <paramref name="fieldOffset"/> in program header <paramref name="index"/>.</summary>
    public static int Ph(int index, int fieldOffset) => HeaderSize + (index * PhSize) + fieldOffset;

    /// <summary>An executable with <paramref name="code"/> at <see cref="CodeBase"/> and an optional data segment.</summary>
    public static byte[] FromCode(uint[] code, byte[]? data = null, uint dataMemorySize = 0)
    {
        var bytes = new byte[code.Length * 4];
        for (int i = 0; i < code.Length; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(4 * i), code[i]);
        }

        var segments = new List<TestSegment> { new(CodeBase, bytes, (uint)bytes.Length, true) };
        if (data is not null || dataMemorySize > 0)
        {
            data ??= [];
            segments.Add(new TestSegment(DataBase, data, Math.Max(dataMemorySize, (uint)data.Length), false));
        }

        return Build(CodeBase, segments);
    }

    public static byte[] Build(uint entry, IReadOnlyList<TestSegment> segments)
    {
        int dataStart = HeaderSize + (segments.Count * PhSize);
        int size = dataStart + segments.Sum(s => s.Data.Length);
        var file = new byte[size];
        var span = file.AsSpan();
        span[0] = 0x7F;
        span[1] = (byte)'E';
        span[2] = (byte)'L';
        span[3] = (byte)'F';
        span[4] = 1; // ELFCLASS32
        span[5] = 1; // little-endian
        span[6] = 1; // EV_CURRENT
        BinaryPrimitives.WriteUInt16LittleEndian(span[16..], 2);   // ET_EXEC
        BinaryPrimitives.WriteUInt16LittleEndian(span[18..], 243); // EM_RISCV
        BinaryPrimitives.WriteUInt32LittleEndian(span[20..], 1);
        BinaryPrimitives.WriteUInt32LittleEndian(span[EntryOffset..], entry);
        BinaryPrimitives.WriteUInt32LittleEndian(span[PhOffOffset..], HeaderSize);
        BinaryPrimitives.WriteUInt16LittleEndian(span[40..], HeaderSize);
        BinaryPrimitives.WriteUInt16LittleEndian(span[42..], PhSize);
        BinaryPrimitives.WriteUInt16LittleEndian(span[PhNumOffset..], (ushort)segments.Count);
        int offset = dataStart;
        for (int i = 0; i < segments.Count; i++)
        {
            var s = segments[i];
            var ph = span[Ph(i, 0)..];
            BinaryPrimitives.WriteUInt32LittleEndian(ph, 1); // PT_LOAD
            BinaryPrimitives.WriteUInt32LittleEndian(ph[4..], (uint)offset);
            BinaryPrimitives.WriteUInt32LittleEndian(ph[8..], s.Address);
            BinaryPrimitives.WriteUInt32LittleEndian(ph[12..], s.Address);
            BinaryPrimitives.WriteUInt32LittleEndian(ph[16..], (uint)s.Data.Length);
            BinaryPrimitives.WriteUInt32LittleEndian(ph[20..], s.MemorySize);
            BinaryPrimitives.WriteUInt32LittleEndian(ph[24..], s.Executable ? 5u : 6u);
            BinaryPrimitives.WriteUInt32LittleEndian(ph[28..], 4);
            s.Data.CopyTo(span[offset..]);
            offset += s.Data.Length;
        }

        return file;
    }

    public static void WriteU32(byte[] file, int offset, uint value) =>
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(offset), value);

    public static void WriteU16(byte[] file, int offset, ushort value) =>
        BinaryPrimitives.WriteUInt16LittleEndian(file.AsSpan(offset), value);
}
