using System.Runtime.CompilerServices;
using StarkGpu.Fields;

namespace StarkGpu.Engine.Checking;

/// <summary>
/// A multiset of bus tuples with a field-valued count each: an open-addressing hash table whose keys (scope, bus
/// id, tuple words) live in one flat word store, so adding a tuple allocates nothing once the table has grown.
/// Entries are only ever enumerated by index and sorted before they reach a report.
/// </summary>
internal sealed class TupleTable
{
    private const int InitialCapacity = 1024;

    private uint[] _words = new uint[InitialCapacity * 4];
    private int _wordCount;
    private Entry[] _entries = new Entry[InitialCapacity];
    private int _count;

    // Entry index + 1 per slot, 0 for empty; length a power of two kept at most half full.
    private int[] _slots = new int[InitialCapacity * 2];

    public int Count => _count;

    public void Clear()
    {
        if (_count == 0)
        {
            return;
        }

        Array.Clear(_slots);
        _count = 0;
        _wordCount = 0;
    }

    /// <summary>Adds <paramref name="delta"/> to the count of the tuple, inserting it at zero if absent.</summary>
    public void Add(int scope, int busId, ReadOnlySpan<uint> tuple, KoalaBear delta)
    {
        var hash = Hash(scope, busId, tuple);
        var slot = FindSlot(scope, busId, tuple, hash);
        if (_slots[slot] != 0)
        {
            _entries[_slots[slot] - 1].Net += delta;
            return;
        }

        if ((_count + 1) * 2 > _slots.Length)
        {
            Grow();
            slot = FindSlot(scope, busId, tuple, hash);
        }

        EnsureWords(tuple.Length);
        tuple.CopyTo(_words.AsSpan(_wordCount));
        if (_count == _entries.Length)
        {
            Array.Resize(ref _entries, _entries.Length * 2);
        }

        _entries[_count] = new Entry { Scope = scope, BusId = busId, Offset = _wordCount, Length = tuple.Length, Hash = hash, Net = delta };
        _wordCount += tuple.Length;
        _slots[slot] = ++_count;
    }

    /// <summary>The entry index of the tuple, or -1.</summary>
    public int Find(int scope, int busId, ReadOnlySpan<uint> tuple)
    {
        var slot = FindSlot(scope, busId, tuple, Hash(scope, busId, tuple));
        return _slots[slot] - 1;
    }

    public int ScopeAt(int entry) => _entries[entry].Scope;

    public int BusIdAt(int entry) => _entries[entry].BusId;

    public KoalaBear NetAt(int entry) => _entries[entry].Net;

    public ReadOnlySpan<uint> TupleAt(int entry) => _words.AsSpan(_entries[entry].Offset, _entries[entry].Length);

    private int FindSlot(int scope, int busId, ReadOnlySpan<uint> tuple, uint hash)
    {
        var mask = _slots.Length - 1;
        var slot = (int)(hash & (uint)mask);
        while (true)
        {
            var index = _slots[slot] - 1;
            if (index < 0)
            {
                return slot;
            }

            ref readonly var entry = ref _entries[index];
            if (entry.Hash == hash && entry.Scope == scope && entry.BusId == busId &&
                _words.AsSpan(entry.Offset, entry.Length).SequenceEqual(tuple))
            {
                return slot;
            }

            slot = (slot + 1) & mask;
        }
    }

    private void Grow()
    {
        _slots = new int[_slots.Length * 2];
        var mask = _slots.Length - 1;
        for (var i = 0; i < _count; i++)
        {
            var slot = (int)(_entries[i].Hash & (uint)mask);
            while (_slots[slot] != 0)
            {
                slot = (slot + 1) & mask;
            }

            _slots[slot] = i + 1;
        }
    }

    private void EnsureWords(int extra)
    {
        if (_wordCount + extra > _words.Length)
        {
            Array.Resize(ref _words, Math.Max(_words.Length * 2, _wordCount + extra));
        }
    }

    // A fixed multiply-xorshift mix (not string.GetHashCode's per-process seed): runs are reproducible.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Hash(int scope, int busId, ReadOnlySpan<uint> tuple)
    {
        var h = ((ulong)(uint)scope << 32) ^ (uint)busId ^ ((ulong)tuple.Length << 56);
        foreach (var word in tuple)
        {
            h = (h ^ word) * 0x9E3779B97F4A7C15UL;
            h ^= h >> 29;
        }

        h *= 0xBF58476D1CE4E5B9UL;
        return (uint)(h ^ (h >> 32));
    }

    private struct Entry
    {
        public int Scope;
        public int BusId;
        public int Offset;
        public int Length;
        public uint Hash;
        public KoalaBear Net;
    }
}
