namespace StarkGpu.Rv32im.Chips.ByteLookup;

/// <summary>
/// Counts byte lookups into an op-major counts array (<see cref="ByteLookupTable.CountCells"/> counters): what a
/// <see cref="IByteLookupSource"/> adds its lookups to. Allocation-free; a copy shares the counters.
/// </summary>
public readonly ref struct ByteLookupCounter
{
    private readonly Span<uint> _counts;

    /// <exception cref="ArgumentException"><paramref name="counts"/> is not exactly one counter per table cell.</exception>
    public ByteLookupCounter(Span<uint> counts)
    {
        if (counts.Length != ByteLookupTable.CountCells)
        {
            throw new ArgumentException($"a byte lookup counter needs {ByteLookupTable.CountCells} counters, not {counts.Length}", nameof(counts));
        }

        _counts = counts;
    }

    /// <summary>Counts one lookup (op, result(b, c), b, c); the result is implied by the table.</summary>
    /// <exception cref="ArgumentOutOfRangeException">b or c is not a byte, or op is not a byte opcode.</exception>
    public void Add(ByteOpcode opcode, uint b, uint c)
    {
        if (!ByteLookupTable.IsInRange(opcode, b, c))
        {
            throw new ArgumentOutOfRangeException(nameof(opcode), $"byte lookup ({opcode}, b = {b}, c = {c}) is outside the table");
        }

        _counts[ByteLookupTable.CountIndex(opcode, b, c)]++;
    }

    /// <summary>The counters, op-major (<see cref="ByteLookupTable.CountIndex"/>).</summary>
    public Span<uint> Counts => _counts;

    /// <summary>Counts a range check of two bytes at once.</summary>
    public void AddRange(uint b, uint c) => Add(ByteOpcode.U8Range, b, c);
}
