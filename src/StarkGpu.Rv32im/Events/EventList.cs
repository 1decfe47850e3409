using System.Buffers;
using System.Runtime.CompilerServices;

namespace StarkGpu.Rv32im.Events;

/// <summary>
/// A growable list of struct events backed by a pooled array: events are written in place through
/// <see cref="AddRef"/> (no copy of large structs, no allocation per event), read as a span.
/// <see cref="Dispose"/> returns the array to the pool; the list is then empty.
/// </summary>
public sealed class EventList<T> : IDisposable
    where T : struct
{
    private T[] _items;

    /// <summary>Creates a list with room for <paramref name="capacity"/> events before it grows.</summary>
    public EventList(int capacity = 16)
    {
        _items = ArrayPool<T>.Shared.Rent(Math.Max(capacity, 16));
    }

    /// <summary>Number of events.</summary>
    public int Count { get; private set; }

    /// <summary>The events, in the order they were added.</summary>
    public ReadOnlySpan<T> Span => _items.AsSpan(0, Count);

    /// <summary>The events, for <see cref="StarkGpu.Device.DeviceStream.Stage{T}"/> (which may pin them).</summary>
    public ReadOnlyMemory<T> Memory => _items.AsMemory(0, Count);

    /// <summary>
    /// The events, writable: to sort in place, and for soundness tests that forge a record (a cheating prover
    /// controls its witness, so the tests build its most plausible one from a real record).
    /// </summary>
    public Span<T> WritableSpan => _items.AsSpan(0, Count);

    /// <summary>Event <paramref name="index"/>.</summary>
    public ref readonly T this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)index, (uint)Count, nameof(index));
            return ref _items[index];
        }
    }

    /// <summary>Appends a zeroed event and returns a reference to fill it in place.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ref T AddRef()
    {
        if (Count == _items.Length)
        {
            Grow();
        }

        ref T slot = ref _items[Count++];
        slot = default;
        return ref slot;
    }

    /// <summary>Appends a copy of <paramref name="item"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(in T item) => AddRef() = item;

    /// <summary>Copies the events into a new array.</summary>
    public T[] ToArray() => Span.ToArray();

    /// <inheritdoc/>
    public void Dispose()
    {
        var items = _items;
        _items = [];
        Count = 0;
        if (items.Length > 0)
        {
            ArrayPool<T>.Shared.Return(items);
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void Grow()
    {
        var bigger = ArrayPool<T>.Shared.Rent(Math.Max(16, _items.Length * 2));
        _items.AsSpan(0, Count).CopyTo(bigger);
        if (_items.Length > 0)
        {
            ArrayPool<T>.Shared.Return(_items);
        }

        _items = bigger;
    }
}
