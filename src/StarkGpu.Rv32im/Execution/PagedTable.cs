using System.Runtime.CompilerServices;

namespace StarkGpu.Rv32im.Execution;

/// <summary>
/// A sparse table with one <typeparamref name="T"/> per 32-bit word of the address space: a two-level directory
/// of 4 KiB pages (1024 words), allocated on first write. Reads of unallocated words return default.
/// Indexed by word index (byte address &gt;&gt; 2).
/// </summary>
internal sealed class PagedTable<T>
    where T : struct
{
    private const int PageBits = 10;
    private const int DirectoryBits = 10;
    private const uint PageMask = (1u << PageBits) - 1;
    private const uint DirectoryMask = (1u << DirectoryBits) - 1;

    private readonly T[]?[]?[] _directories = new T[]?[]?[1 << (30 - PageBits - DirectoryBits)];

    /// <summary>The value at word <paramref name="wordIndex"/>, default if never written.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T Get(uint wordIndex)
    {
        var directory = _directories[wordIndex >> (PageBits + DirectoryBits)];
        var page = directory?[(wordIndex >> PageBits) & DirectoryMask];
        return page is null ? default : page[wordIndex & PageMask];
    }

    /// <summary>A writable reference to word <paramref name="wordIndex"/>, allocating its page if needed.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ref T GetRef(uint wordIndex)
    {
        var directory = _directories[wordIndex >> (PageBits + DirectoryBits)];
        var page = directory?[(wordIndex >> PageBits) & DirectoryMask];
        if (page is null)
        {
            page = AllocatePage(wordIndex);
        }

        return ref page[wordIndex & PageMask];
    }

    /// <summary>Calls <paramref name="visit"/> for every word of every allocated page, in ascending word order.</summary>
    public void ForEachAllocated(Action<uint, T> visit)
    {
        for (uint d = 0; d < _directories.Length; d++)
        {
            var directory = _directories[d];
            if (directory is null)
            {
                continue;
            }

            for (uint p = 0; p < directory.Length; p++)
            {
                var page = directory[p];
                if (page is null)
                {
                    continue;
                }

                uint first = (((d << DirectoryBits) | p) << PageBits);
                for (uint i = 0; i < page.Length; i++)
                {
                    visit(first | i, page[i]);
                }
            }
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private T[] AllocatePage(uint wordIndex)
    {
        ref var directory = ref _directories[wordIndex >> (PageBits + DirectoryBits)];
        directory ??= new T[]?[1 << DirectoryBits];
        return directory[(wordIndex >> PageBits) & DirectoryMask] ??= new T[1 << PageBits];
    }
}
