using System.Runtime.InteropServices;
using StarkGpu.Fields;

namespace StarkGpu.Kernels.Tests.Host;

/// <summary>
/// A trace of <see cref="Cells"/> cells placed <see cref="Offset"/> words past a 64-byte boundary, between guard
/// cells, all filled with a pattern first so that an unwritten cell or a store outside the trace shows.
/// </summary>
public sealed unsafe class TraceBuffer : IDisposable
{
    public const uint Pattern = 0xcdcdcdcd;
    private const int Guard = 64;
    private readonly uint* _block;
    private readonly long _words;

    public TraceBuffer(long cells, int offset)
    {
        Cells = cells;
        Offset = offset;
        _words = cells + offset + (2 * Guard);
        _block = (uint*)NativeMemory.AlignedAlloc((nuint)(_words * sizeof(uint)), 64);
        new Span<uint>(_block, (int)_words).Fill(Pattern);
    }

    public long Cells { get; }

    public int Offset { get; }

    /// <summary>The trace (Guard + Offset words into the block).</summary>
    public KoalaBear* Trace => (KoalaBear*)(_block + Guard + Offset);

    public ReadOnlySpan<uint> Words => new(_block + Guard + Offset, (int)Cells);

    /// <summary>Whether every word outside the trace still holds the pattern.</summary>
    public bool GuardsIntact()
    {
        for (long i = 0; i < Guard + Offset; i++)
        {
            if (_block[i] != Pattern)
            {
                return false;
            }
        }

        for (var i = Guard + Offset + Cells; i < _words; i++)
        {
            if (_block[i] != Pattern)
            {
                return false;
            }
        }

        return true;
    }

    public void Dispose() => NativeMemory.AlignedFree(_block);
}
