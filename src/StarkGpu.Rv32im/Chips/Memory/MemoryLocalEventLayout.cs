using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using StarkGpu.Device;
using StarkGpu.Rv32im.Events;

namespace StarkGpu.Rv32im.Chips.Memory;

/// <summary>
/// <see cref="MemoryLocalEvent"/> as <c>kernels/rv32im/memory_local.cu</c> reads it: { u32 address; { u32 shard,
/// timestamp, value } initial, final; } = 28 bytes, which the kernel static-asserts. Events are staged as they
/// lie in the record, with no repacking.
/// </summary>
public static class MemoryLocalEventLayout
{
    /// <summary>Bytes per event on both sides.</summary>
    public const int Size = 28;

    /// <summary>Bytes per <see cref="MemoryState"/> on both sides.</summary>
    public const int StateSize = 12;

    /// <summary>Field offsets the kernel struct assumes (address, initial, final).</summary>
    public static ReadOnlySpan<int> Offsets => [0, 4, 16];

    /// <summary>Offsets within a state the kernel struct assumes (shard, timestamp, value).</summary>
    public static ReadOnlySpan<int> StateOffsets => [0, 4, 8];

    /// <summary>Whether the managed structs have the kernel's layout (checked before every upload and by a test).</summary>
    public static bool MatchesKernel { get; } =
        Unsafe.SizeOf<MemoryLocalEvent>() == Size &&
        Unsafe.SizeOf<MemoryState>() == StateSize &&
        Offsets.SequenceEqual([
            (int)Marshal.OffsetOf<MemoryLocalEvent>(nameof(MemoryLocalEvent.Address)),
            (int)Marshal.OffsetOf<MemoryLocalEvent>(nameof(MemoryLocalEvent.Initial)),
            (int)Marshal.OffsetOf<MemoryLocalEvent>(nameof(MemoryLocalEvent.Final)),
        ]) &&
        StateOffsets.SequenceEqual([
            (int)Marshal.OffsetOf<MemoryState>(nameof(MemoryState.Shard)),
            (int)Marshal.OffsetOf<MemoryState>(nameof(MemoryState.Timestamp)),
            (int)Marshal.OffsetOf<MemoryState>(nameof(MemoryState.Value)),
        ]);

    /// <summary>Stages <paramref name="events"/> for the kernels as their <c>MemoryLocalEvent</c> array (read in place on the CPU backend).</summary>
    public static DeviceInput<MemoryLocalEvent> Stage(DeviceStream stream, EventList<MemoryLocalEvent> events) =>
        KernelEvents.Stage(stream, events, MatchesKernel, () => $"MemoryLocalEvent is {Unsafe.SizeOf<MemoryLocalEvent>()} bytes or reordered; memory_local.cu expects the {Size}-byte layout");
}
