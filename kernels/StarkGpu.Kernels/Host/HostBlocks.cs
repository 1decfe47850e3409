using System.Collections.Concurrent;
using System.Numerics;
using System.Runtime.InteropServices;

namespace StarkGpu.Kernels.Host;

/// <summary>
/// Native, 64-byte-aligned host memory, pooled by power-of-two size so that shard after shard reuses warm blocks
/// (pages already faulted in; a fresh block costs a page fault per 4 KiB on first touch, which a trace writer would
/// otherwise pay inside its streaming stores). Untouched pages of a block cost no memory.
/// </summary>
public static unsafe class HostBlocks
{
    /// <summary>Blocks kept per size; more are freed on return.</summary>
    public const int KeptPerSize = 4;

    private static readonly ConcurrentStack<nint>[] Free = CreateStacks();

    /// <summary>A block of at least <paramref name="bytes"/> bytes (contents unspecified); dispose it to return it.</summary>
    public static HostBlock Rent(long bytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(bytes);
        var sizeClass = SizeClass(bytes);
        var size = 1L << sizeClass;
        if (!Free[sizeClass].TryPop(out var block))
        {
            block = (nint)NativeMemory.AlignedAlloc((nuint)size, 64);
        }

        return new HostBlock((void*)block, bytes, sizeClass);
    }

    internal static void Return(void* block, int sizeClass)
    {
        var stack = Free[sizeClass];
        if (stack.Count < KeptPerSize)
        {
            stack.Push((nint)block);
        }
        else
        {
            NativeMemory.AlignedFree(block);
        }
    }

    private static int SizeClass(long bytes) => Math.Max(6, 64 - BitOperations.LeadingZeroCount((ulong)Math.Max(1, bytes) - 1));

    private static ConcurrentStack<nint>[] CreateStacks()
    {
        var stacks = new ConcurrentStack<nint>[64];
        for (var i = 0; i < stacks.Length; i++)
        {
            stacks[i] = new ConcurrentStack<nint>();
        }

        return stacks;
    }
}

/// <summary>A rented <see cref="HostBlocks"/> block: <see cref="Bytes"/> usable bytes at <see cref="Pointer"/> (64-byte aligned).</summary>
public sealed unsafe class HostBlock : IDisposable
{
    private readonly int _sizeClass;
    private void* _pointer;

    internal HostBlock(void* pointer, long bytes, int sizeClass)
    {
        _pointer = pointer;
        Bytes = bytes;
        _sizeClass = sizeClass;
    }

    /// <summary>The first byte (64-byte aligned).</summary>
    public void* Pointer => _pointer != null ? _pointer : throw new ObjectDisposedException(nameof(HostBlock));

    /// <summary>Bytes asked for.</summary>
    public long Bytes { get; }

    public void Dispose()
    {
        if (_pointer != null)
        {
            HostBlocks.Return(_pointer, _sizeClass);
            _pointer = null;
        }
    }
}
