using StarkGpu.Rv32im.Chips;
using StarkGpu.Rv32im.Chips.ByteLookup;
using StarkGpu.Rv32im.Chips.Cpu;
using StarkGpu.Rv32im.Events;
using StarkGpu.Rv32im.Tests.Soundness.Support;
using Op = StarkGpu.Rv32im.Isa.Opcode;

namespace StarkGpu.Rv32im.Tests.Soundness;

/// <summary>
/// Byte and half-word loads and stores (<c>CpuSubWordAccess</c>): a flipped sign extension, a byte taken from the
/// wrong place, a store that changes another byte of the word, a half-word at an odd address. Each forgery edits
/// one event and regenerates the Cpu and ByteLookup traces; the memory bus is left open (the forged value would flow
/// into the register's or word's next access, which a full forgery would rewrite in turn: that bus does not prove
/// these facts), and the constraint named is what rejects it.
/// </summary>
public sealed class SubWordAccessTests
{
    private const string Guest = "memory";

    [Test]
    public void AnLbWhoseSignExtensionIsFlippedIsCaught()
    {
        using var run = CheatingRun.Of(Guest);
        var (position, row) = run.FindCpuRow(e => e.Opcode == Op.Lb && e.OpA != 0 && (e.A & 0x80) != 0);
        run.Records[position].Cpu.WritableSpan[row].A &= 0xff; // a negative byte zero-extended, as LBU would
        Regenerate(run, position);
        run.AssertCaughtWithBusOpen(Rv32imBuses.Memory, CpuChip.ChipName, "lb/lh: a2 is the sign extension", "lb/lh: a3 is the sign extension", "lb: a1 is the sign extension");
    }

    [Test]
    public void AnLhWhoseSignExtensionIsFlippedIsCaught()
    {
        // insn_test is the guest with LH (the others' compilers chose LHU).
        using var run = CheatingRun.Of("insn_test");
        var (position, row) = run.FindCpuRow(e => e.Opcode == Op.Lh && e.OpA != 0);
        run.Records[position].Cpu.WritableSpan[row].A ^= 0xffff_0000; // the other extension than the half's sign bit says
        Regenerate(run, position);
        run.AssertCaughtWithBusOpen(Rv32imBuses.Memory, CpuChip.ChipName, "lb/lh: a2 is the sign extension", "lb/lh: a3 is the sign extension");
    }

    [Test]
    public void ALoadOfAnotherByteOfTheWordIsCaught()
    {
        using var run = CheatingRun.Of(Guest);
        var (position, row) = run.FindCpuRow(e => e.Opcode is Op.Lb or Op.Lbu && e.OpA != 0 && Byte(e.MemoryRecord.Value, e.MemoryAddress + 1) != (e.A & 0xff));
        ref var e = ref run.Records[position].Cpu.WritableSpan[row];
        var other = Byte(e.MemoryRecord.Value, e.MemoryAddress + 1);
        e.A = e.Opcode == Op.Lbu || other < 0x80 ? other : other | 0xffff_ff00;
        Regenerate(run, position);
        run.AssertCaughtWithBusOpen(Rv32imBuses.Memory, CpuChip.ChipName, "lb/lbu/lh/lhu: a0 is value0", "lb/lh: a2 is the sign extension", "lb/lh: a3 is the sign extension", "lb: a1 is the sign extension");
    }

    [Test]
    public void AnSbThatChangesAnotherByteOfTheWordIsCaught()
    {
        using var run = CheatingRun.Of(Guest);
        var (position, row) = run.FindCpuRow(e => e.Opcode == Op.Sb);
        ref var e = ref run.Records[position].Cpu.WritableSpan[row];
        var other = 8 * ((e.MemoryAddress + 1) & 3);
        e.MemoryRecord.Value ^= 1u << (int)other; // the word after the store, one bit off in a byte SB must not touch
        Regenerate(run, position);
        run.AssertCaughtWithBusOpen(Rv32imBuses.Memory, CpuChip.ChipName, $"sb: byte {(e.MemoryAddress + 1) & 3} is a0 where addressed, else unchanged");
    }

    [Test]
    public void AnLhAtAnOddAddressIsCaught()
    {
        // LH from addr + 1: the base register forged so that b + c is odd; the word is the same one.
        using var run = CheatingRun.Of("insn_test");
        var (position, row) = run.FindCpuRow(e => e.Opcode is Op.Lh or Op.Lhu && e.OpA != 0 && e.ImmC && (e.MemoryAddress & 1) == 0);
        ref var e = ref run.Records[position].Cpu.WritableSpan[row];
        e.B += 1;
        e.MemoryAddress += 1;
        Regenerate(run, position);
        run.AssertCaughtWithBusOpen(
            Rv32imBuses.Memory, CpuChip.ChipName, "lh/lhu/sh: the address is even", "lh/lhu: value0 is the half's low byte", "lh/lhu: value1 is the half's high byte",
            "lb/lbu/lh/lhu: a0 is value0", "lh/lhu: a1 is value1", "lb/lh: a2 is the sign extension", "lb/lh: a3 is the sign extension");
    }

    private static uint Byte(uint word, uint address) => (word >> (int)(8 * (address & 3))) & 0xff;

    private static void Regenerate(CheatingRun run, int position)
    {
        run.Regenerate(position, CpuChip.ChipName);
        run.Regenerate(position, ByteLookupChip.ChipName);
    }
}
