using StarkGpu.Rv32im.Events;
using StarkGpu.Rv32im.Isa;

namespace StarkGpu.Rv32im.Chips.Cpu;

/// <summary>
/// A <see cref="CpuEvent"/> as the Cpu row writer (<see cref="CpuRows"/>) and its kernels read it: the same 108 bytes
/// with <see cref="ImmB"/> and <see cref="ImmC"/> as bytes (0 or 1), because ILGPU refuses an <c>ArrayView</c> of a
/// struct with <c>bool</c> fields ("not blittable"). Never built field by field: a span of events is reinterpreted in
/// place (<see cref="CpuEventLayout.AsKernelEvents"/>), on the host and for an upload alike.
/// </summary>
public struct CpuKernelEvent
{
    public uint Shard;
    public uint Clk;
    public uint Pc;
    public uint NextPc;
    public Opcode Opcode;
    public byte OpA;

    /// <summary>1 when <see cref="OpB"/> is an immediate (the byte of <see cref="CpuEvent.ImmB"/>).</summary>
    public byte ImmB;

    /// <summary>1 when <see cref="OpC"/> is an immediate (the byte of <see cref="CpuEvent.ImmC"/>).</summary>
    public byte ImmC;

    public uint OpB;
    public uint OpC;
    public uint A;
    public uint B;
    public uint C;
    public uint MemoryAddress;
    public MemoryAccessRecord ARecord;
    public MemoryAccessRecord BRecord;
    public MemoryAccessRecord CRecord;
    public MemoryAccessRecord MemoryRecord;
}
