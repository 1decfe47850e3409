using System.Runtime.CompilerServices;
using StarkGpu.Fields;
using StarkGpu.Rv32im.Chips.Alu.Shared;
using StarkGpu.Rv32im.Events;
using StarkGpu.Rv32im.Isa;
using static StarkGpu.Rv32im.Chips.Cpu.CpuColumns;

namespace StarkGpu.Rv32im.Chips.Cpu;

/// <summary>
/// Writes the host row of one <see cref="CpuEvent"/>. Kernel twin: <c>cpu_trace</c> in <c>kernels/rv32im/cpu.cu</c>,
/// which must produce the same bits.
/// </summary>
internal static class CpuRowWriter
{
    // InstructionClass.Of for every byte value: one load per row instead of a chain of range tests.
    private static readonly InstructionFlags[] s_flags = CreateFlagTable();

    /// <summary>
    /// The flags of <paramref name="e"/>'s opcode, which every executed instruction has.
    /// </summary>
    /// <exception cref="InvalidOperationException">The opcode belongs to no class (UNIMP, EBREAK: never executed).</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static InstructionFlags Flags(in CpuEvent e, int row)
    {
        var flags = s_flags[(byte)e.Opcode];
        if (flags == InstructionFlags.None)
        {
            ThrowNoClass(in e, row);
        }

        return flags;
    }

    /// <summary>Writes row <paramref name="index"/> (for errors) of <paramref name="e"/> into <paramref name="row"/>, given zeroed.</summary>
    public static void Write(in CpuEvent e, Span<KoalaBear> row, int index)
    {
        var flags = Flags(in e, index);
        row = row[..Width];
        row[Shard] = KoalaBear.FromCanonical(e.Shard);
        row[Clk] = KoalaBear.FromCanonical(e.Clk);
        row[Pc] = KoalaBear.FromCanonical(e.Pc);
        row[NextPc] = KoalaBear.FromCanonical(e.NextPc);
        row[CpuColumns.Opcode] = KoalaBear.FromCanonical((uint)e.Opcode);
        row[OpA] = KoalaBear.FromCanonical(e.OpA);
        row[OpB] = KoalaBear.FromCanonical(e.OpB);
        row[OpC] = KoalaBear.FromCanonical(e.OpC);
        row[ImmB] = Bool(e.ImmB);
        row[ImmC] = Bool(e.ImmC);
        for (var k = 0; k < InstructionClass.Count; k++)
        {
            row[IsAlu + k] = Bool(((uint)flags & (1u << k)) != 0);
        }

        var isX0 = e.OpA == 0;
        row[OpAIsX0] = Bool(isX0);
        row[AluSend] = Bool(flags == InstructionFlags.Alu && !isX0);
        row[WordLoadSetsA] = Bool(flags == (InstructionFlags.Load | InstructionFlags.WordAccess) && !isX0);
        WordLimbs.Write(e.A, row[A..]);
        WordLimbs.Write(e.B, row[B..]);
        WordLimbs.Write(e.C, row[C..]);
        WordLimbs.Write(e.ARecord.PrevValue, row[APrev..]);
        row[APrevShard] = KoalaBear.FromCanonical(e.ARecord.PrevShard);
        row[APrevTimestamp] = KoalaBear.FromCanonical(e.ARecord.PrevTimestamp);
        if (!e.ImmB)
        {
            row[BPrevShard] = KoalaBear.FromCanonical(e.BRecord.PrevShard);
            row[BPrevTimestamp] = KoalaBear.FromCanonical(e.BRecord.PrevTimestamp);
        }

        if (!e.ImmC)
        {
            row[CPrevShard] = KoalaBear.FromCanonical(e.CRecord.PrevShard);
            row[CPrevTimestamp] = KoalaBear.FromCanonical(e.CRecord.PrevTimestamp);
        }

        // Only loads and stores own their memory record (a syscall's own accesses may have left one in an ECALL's).
        if ((flags & (InstructionFlags.Load | InstructionFlags.Store)) != 0)
        {
            row[MemAddr] = KoalaBear.FromCanonical(e.MemoryAddress & ~3u);
            WordLimbs.Write(e.MemoryRecord.Value, row[MemValue..]);
            WordLimbs.Write(e.MemoryRecord.PrevValue, row[MemPrev..]);
            row[MemPrevShard] = KoalaBear.FromCanonical(e.MemoryRecord.PrevShard);
            row[MemPrevTimestamp] = KoalaBear.FromCanonical(e.MemoryRecord.PrevTimestamp);
            WriteAddress(in e, row);
        }
    }

    /// <summary>The address columns of a load or store: addr = b + c with its byte carries, and addr0's split.</summary>
    private static void WriteAddress(in CpuEvent e, Span<KoalaBear> row)
    {
        WordLimbs.Write(e.MemoryAddress, row[Addr..]);
        uint carry = 0;
        for (var i = 0; i < WordLimbs.Count; i++)
        {
            carry = (WordLimbs.Byte(e.B, i) + WordLimbs.Byte(e.C, i) + carry) >> 8;
            row[AddrCarry + i] = KoalaBear.FromCanonical(carry);
        }

        row[AddrQ] = KoalaBear.FromCanonical((e.MemoryAddress & 0xff) >> 2);
        row[AddrBit0] = Bool((e.MemoryAddress & 1) != 0);
        row[AddrBit1] = Bool((e.MemoryAddress & 2) != 0);
    }

    private static KoalaBear Bool(bool value) => value ? KoalaBear.One : KoalaBear.Zero;

    private static InstructionFlags[] CreateFlagTable()
    {
        var table = new InstructionFlags[256];
        for (var op = 0; op < table.Length; op++)
        {
            table[op] = InstructionClass.Of((Opcode)op);
        }

        return table;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowNoClass(in CpuEvent e, int row) =>
        throw new InvalidOperationException(
            $"chip {CpuChip.ChipName}, row {row}: opcode {e.Opcode} ({(uint)e.Opcode}) at pc 0x{e.Pc:x8} belongs to no instruction class " +
            "(UNIMP and EBREAK never execute, and no other value is an opcode)");
}
