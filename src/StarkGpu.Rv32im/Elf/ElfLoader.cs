namespace StarkGpu.Rv32im.Elf;

/// <summary>
/// Loads ELF32 little-endian RISC-V executables. Every size read from the file is checked against the file's
/// length before use, so a hostile file cannot make the loader allocate more than a small multiple of its size.
/// </summary>
public static class ElfLoader
{
    /// <summary>Largest file <see cref="LoadFile"/> reads.</summary>
    public const long MaxFileSize = 256L << 20;

    /// <summary>Largest code span (from the first to the last executable byte) decoded, in instructions.</summary>
    public const uint MaxInstructions = 1u << 22;

    /// <summary>Reads and loads the ELF file at <paramref name="path"/>.</summary>
    public static Program LoadFile(string path)
    {
        long length = new FileInfo(path).Length;
        if (length > MaxFileSize)
        {
            throw new ElfFormatException($"file '{path}' is {length} bytes, more than the {MaxFileSize}-byte limit");
        }

        return Load(File.ReadAllBytes(path));
    }

    /// <summary>Loads an ELF image held in memory.</summary>
    public static Program Load(ReadOnlySpan<byte> file)
    {
        var header = ElfHeader.Parse(file);
        var segments = ReadSegments(file, header);
        var image = new MemoryImageBuilder();
        foreach (var segment in segments)
        {
            image.Add(file, segment);
        }

        var (codeBase, codeEnd) = CodeRange(segments, header.Entry);
        var words = new uint[(codeEnd - codeBase) / 4];
        for (int i = 0; i < words.Length; i++)
        {
            words[i] = image.WordAt(codeBase + (4 * (uint)i));
        }

        return new Program(header.Entry, codeBase, words, image.ToSortedImage());
    }

    private static List<Segment> ReadSegments(ReadOnlySpan<byte> file, in ElfHeader header)
    {
        var segments = new List<Segment>();
        for (int i = 0; i < header.ProgramHeaderCount; i++)
        {
            if (Segment.Parse(file, header, i) is { } segment)
            {
                segments.Add(segment);
            }
        }

        if (segments.Count == 0)
        {
            throw new ElfFormatException("no PT_LOAD segment with a nonzero p_memsz");
        }

        segments.Sort(static (x, y) => x.Address.CompareTo(y.Address));
        for (int i = 1; i < segments.Count; i++)
        {
            if (segments[i - 1].End > segments[i].Address)
            {
                throw new ElfFormatException($"{segments[i]} overlaps {segments[i - 1]}");
            }
        }

        return segments;
    }

    /// <summary>The 4-aligned span covering every executable segment's file bytes; the entry must lie in it.</summary>
    private static (uint Base, uint End) CodeRange(List<Segment> segments, uint entry)
    {
        ulong start = ulong.MaxValue, end = 0;
        bool entryInCode = false;
        foreach (var s in segments)
        {
            if (!s.Executable)
            {
                continue;
            }

            start = Math.Min(start, s.Address & ~3u);
            end = Math.Max(end, ((ulong)s.Address + s.FileSize + 3) & ~3ul);
            entryInCode |= entry >= s.Address && entry < (ulong)s.Address + s.FileSize;
        }

        if (start == ulong.MaxValue)
        {
            throw new ElfFormatException("no executable (PF_X) PT_LOAD segment with file data");
        }

        if ((end - start) / 4 > MaxInstructions)
        {
            throw new ElfFormatException(
                $"executable segments span [0x{start:x}, 0x{end:x}), more than {MaxInstructions} instructions");
        }

        if (!entryInCode || (entry & 3) != 0)
        {
            throw new ElfFormatException($"e_entry 0x{entry:x} is not a 4-aligned address inside an executable segment");
        }

        return ((uint)start, (uint)end);
    }
}
