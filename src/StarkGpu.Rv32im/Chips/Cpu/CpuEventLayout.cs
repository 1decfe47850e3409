using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using StarkGpu.Device;
using StarkGpu.Rv32im.Events;

namespace StarkGpu.Rv32im.Chips.Cpu;

/// <summary>
/// <see cref="CpuEvent"/> as kernels read it: the C struct <c>CpuEvent</c> of <c>kernels/rv32im/cpu.cu</c>
/// { u32 shard, clk, pc, next_pc; u8 opcode, op_a, imm_b, imm_c; u32 op_b, op_c, a, b, c, memory_address;
/// MemoryAccessRecord a_record, b_record, c_record, memory_record; } = 108 bytes, which static-asserts the same
/// size. Events are staged as they lie in the record, with no repacking.
/// </summary>
/// <remarks>
/// Offsets are measured on the managed struct itself (<c>Unsafe.ByteOffset</c>),
/// not with <c>Marshal.OffsetOf</c>: CpuEvent holds <c>bool</c> fields, which marshal as 4-byte BOOLs, so the
/// marshalled layout is not the one kernels read.
/// </remarks>
public static class CpuEventLayout
{
    /// <summary>Bytes per event on both sides.</summary>
    public const int Size = 108;

    /// <summary>
    /// Field offsets the kernel struct assumes: shard, clk, pc, next_pc, opcode, op_a, imm_b, imm_c, op_b, op_c, a, b,
    /// c, memory_address, the four access records, and within a record value, prev_value, prev_shard, prev_timestamp.
    /// </summary>
    public static ReadOnlySpan<int> Offsets => [0, 4, 8, 12, 16, 17, 18, 19, 20, 24, 28, 32, 36, 40, 44, 60, 76, 92, 0, 4, 8, 12];

    /// <summary>Whether the managed struct has the kernel's layout (checked before every upload and by a test).</summary>
    public static bool MatchesKernel { get; } = Unsafe.SizeOf<CpuEvent>() == Size && Offsets.SequenceEqual(ManagedOffsets());

    /// <summary>Whether <see cref="CpuKernelEvent"/> has the same layout too, so that events can be read as it in place.</summary>
    public static bool KernelEventMatches { get; } = Unsafe.SizeOf<CpuKernelEvent>() == Size && Offsets.SequenceEqual(KernelEventOffsets());

    /// <summary>
    /// <paramref name="events"/> as the row writer reads them, in place: <see cref="CpuKernelEvent"/> is the same bytes
    /// with the two bools as bytes.
    /// </summary>
    public static ReadOnlySpan<CpuKernelEvent> AsKernelEvents(ReadOnlySpan<CpuEvent> events) =>
        MatchesKernel && KernelEventMatches
            ? MemoryMarshal.Cast<CpuEvent, CpuKernelEvent>(events)
            : throw new InvalidOperationException($"CpuEvent [{string.Join(", ", ManagedOffsets())}] and CpuKernelEvent [{string.Join(", ", KernelEventOffsets())}] must both have the {Size}-byte layout [{string.Join(", ", Offsets.ToArray())}]");

    /// <summary>The offsets of the fields listed in <see cref="Offsets"/>, as the runtime lays out the managed structs.</summary>
    public static int[] ManagedOffsets()
    {
        var e = default(CpuEvent);
        ref var start = ref Unsafe.As<CpuEvent, byte>(ref e);
        var r = default(MemoryAccessRecord);
        ref var recordStart = ref Unsafe.As<MemoryAccessRecord, byte>(ref r);
        return
        [
            Offset(ref start, ref e.Shard), Offset(ref start, ref e.Clk), Offset(ref start, ref e.Pc), Offset(ref start, ref e.NextPc),
            Offset(ref start, ref e.Opcode), Offset(ref start, ref e.OpA), Offset(ref start, ref e.ImmB), Offset(ref start, ref e.ImmC),
            Offset(ref start, ref e.OpB), Offset(ref start, ref e.OpC), Offset(ref start, ref e.A), Offset(ref start, ref e.B),
            Offset(ref start, ref e.C), Offset(ref start, ref e.MemoryAddress),
            Offset(ref start, ref e.ARecord), Offset(ref start, ref e.BRecord), Offset(ref start, ref e.CRecord), Offset(ref start, ref e.MemoryRecord),
            Offset(ref recordStart, ref r.Value), Offset(ref recordStart, ref r.PrevValue),
            Offset(ref recordStart, ref r.PrevShard), Offset(ref recordStart, ref r.PrevTimestamp),
        ];
    }

    /// <summary>The offsets of the fields listed in <see cref="Offsets"/> in <see cref="CpuKernelEvent"/>.</summary>
    public static int[] KernelEventOffsets()
    {
        var e = default(CpuKernelEvent);
        ref var start = ref Unsafe.As<CpuKernelEvent, byte>(ref e);
        var r = default(MemoryAccessRecord);
        ref var recordStart = ref Unsafe.As<MemoryAccessRecord, byte>(ref r);
        return
        [
            Offset(ref start, ref e.Shard), Offset(ref start, ref e.Clk), Offset(ref start, ref e.Pc), Offset(ref start, ref e.NextPc),
            Offset(ref start, ref e.Opcode), Offset(ref start, ref e.OpA), Offset(ref start, ref e.ImmB), Offset(ref start, ref e.ImmC),
            Offset(ref start, ref e.OpB), Offset(ref start, ref e.OpC), Offset(ref start, ref e.A), Offset(ref start, ref e.B),
            Offset(ref start, ref e.C), Offset(ref start, ref e.MemoryAddress),
            Offset(ref start, ref e.ARecord), Offset(ref start, ref e.BRecord), Offset(ref start, ref e.CRecord), Offset(ref start, ref e.MemoryRecord),
            Offset(ref recordStart, ref r.Value), Offset(ref recordStart, ref r.PrevValue),
            Offset(ref recordStart, ref r.PrevShard), Offset(ref recordStart, ref r.PrevTimestamp),
        ];
    }

    /// <summary>Stages <paramref name="events"/> for the kernels as their <c>CpuEvent</c> array (read in place on the CPU backend).</summary>
    public static DeviceInput<CpuEvent> Stage(DeviceStream stream, EventList<CpuEvent> events) =>
        KernelEvents.Stage(stream, events, MatchesKernel, () => $"CpuEvent is {Unsafe.SizeOf<CpuEvent>()} bytes with offsets [{string.Join(", ", ManagedOffsets())}]; kernels/rv32im/cpu.cu expects the {Size}-byte layout [{string.Join(", ", Offsets.ToArray())}]");

    private static int Offset<T>(ref byte start, ref T field) => (int)Unsafe.ByteOffset(ref start, ref Unsafe.As<T, byte>(ref field));
}
