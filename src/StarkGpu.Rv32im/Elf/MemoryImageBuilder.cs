namespace StarkGpu.Rv32im.Elf;

/// <summary>
/// Assembles the file bytes of the segments into words. Segments may start or end mid-word, and two segments
/// may share a word; bytes past p_filesz are zero and are simply not stored.
/// </summary>
internal sealed class MemoryImageBuilder
{
    private readonly Dictionary<uint, uint> _words = [];

    public void Add(ReadOnlySpan<byte> file, in Segment segment)
    {
        ReadOnlySpan<byte> bytes = file.Slice((int)segment.Offset, (int)segment.FileSize);
        uint address = segment.Address;
        int i = 0;
        while (i < bytes.Length)
        {
            uint wordAddress = address & ~3u;
            int shift = (int)(address & 3) * 8;
            uint word = 0;
            for (; shift < 32 && i < bytes.Length; shift += 8, i++, address++)
            {
                word |= (uint)bytes[i] << shift;
            }

            if (word != 0)
            {
                _words[wordAddress] = _words.GetValueOrDefault(wordAddress) | word;
            }
        }
    }

    public uint WordAt(uint address) => _words.GetValueOrDefault(address);

    /// <summary>The nonzero words sorted by address (dictionary order never leaks out).</summary>
    public MemoryImageWord[] ToSortedImage()
    {
        var image = new MemoryImageWord[_words.Count];
        int n = 0;
        foreach (var (address, value) in _words)
        {
            image[n++] = new MemoryImageWord(address, value);
        }

        Array.Sort(image, static (x, y) => x.Address.CompareTo(y.Address));
        return image;
    }
}
