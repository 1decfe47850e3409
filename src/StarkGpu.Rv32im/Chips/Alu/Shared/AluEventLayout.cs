using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using StarkGpu.Device;
using StarkGpu.Rv32im.Events;

namespace StarkGpu.Rv32im.Chips.Alu.Shared;

/// <summary>
/// <see cref="AluEvent"/> as kernels read it: the C struct <c>AluEvent</c> of <c>kernels/include/rv32im_common.cuh</c>
/// { u32 pc; u8 opcode; u8 pad[3]; u32 a, b, c; } = 20 bytes, which static-asserts the same size. Events are
/// staged as they lie in the record, with no repacking.
/// </summary>
public static class AluEventLayout
{
    /// <summary>Bytes per event on both sides.</summary>
    public const int Size = 20;

    /// <summary>Field offsets the kernel struct assumes (pc, opcode, a, b, c).</summary>
    public static ReadOnlySpan<int> Offsets => [0, 4, 8, 12, 16];

    /// <summary>Whether the managed struct has the kernel's layout (checked before every upload and by a test).</summary>
    public static bool MatchesKernel { get; } =
        Unsafe.SizeOf<AluEvent>() == Size &&
        Offsets.SequenceEqual([
            (int)Marshal.OffsetOf<AluEvent>(nameof(AluEvent.Pc)),
            (int)Marshal.OffsetOf<AluEvent>(nameof(AluEvent.Opcode)),
            (int)Marshal.OffsetOf<AluEvent>(nameof(AluEvent.A)),
            (int)Marshal.OffsetOf<AluEvent>(nameof(AluEvent.B)),
            (int)Marshal.OffsetOf<AluEvent>(nameof(AluEvent.C)),
        ]);

    /// <summary>Stages <paramref name="events"/> for the kernels as their <c>AluEvent</c> array (read in place on the CPU backend).</summary>
    public static DeviceInput<AluEvent> Stage(DeviceStream stream, EventList<AluEvent> events) =>
        KernelEvents.Stage(stream, events, MatchesKernel, () => $"AluEvent is {Unsafe.SizeOf<AluEvent>()} bytes or reordered; kernels expect the {Size}-byte layout of rv32im_common.cuh");
}
