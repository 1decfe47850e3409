using StarkGpu.Engine.Air;
using StarkGpu.Engine.Checking;
using StarkGpu.Engine.Chips;
using StarkGpu.Rv32im.Chips;
using StarkGpu.Rv32im.Chips.Cpu;
using StarkGpu.Rv32im.Events;
using StarkGpu.Rv32im.Tests.Chips.Support;
using static StarkGpu.Rv32im.Chips.Cpu.CpuColumns;
using Op = StarkGpu.Rv32im.Isa.Opcode;

namespace StarkGpu.Rv32im.Tests.Chips;

/// <summary>
/// One wrong cell in the Cpu trace of the hand-written program (every bus otherwise balanced by stand-ins) fails
/// the check, naming the chip, the row and the constraint, or the bus whose tuples no longer match.
/// </summary>
public sealed class CpuCorruptionTests
{
    /// <summary>A cell to change on the first row whose event matches, what to write, and the constraint that must fail (on row + RowOffset).</summary>
    public sealed record Corruption(string Name, Func<CpuEvent, bool> Picks, int Column, Func<HostTrace, int, uint> Value, string Label, int RowOffset = 0)
    {
        public override string ToString() => Name;
    }

    public static IEnumerable<Corruption> ConstraintCorruptions =>
    [
        new("taken branch claims pc + 4", e => e.Opcode == Op.Beq, NextPc, (t, r) => t[r, Pc].Canonical + 4, "transition: next pc is next_pc"),
        new("alu row with another next_pc", e => e.Opcode == Op.Add && e.OpA == 11, NextPc, (t, r) => t[r, Pc].Canonical + 8, "next_pc = pc + 4"),
        new("clock skips", e => e.Opcode == Op.Jal, Clk, (t, r) => t[r, Clk].Canonical + 4, "transition: next clk is clk + 4", RowOffset: -1),
        new("shard changes", e => e.Opcode == Op.Jalr, CpuColumns.Shard, (t, r) => 9, "transition: same shard", RowOffset: -1),
        new("padding between real rows", e => e.Opcode == Op.Auipc, IsAuipc, (t, r) => 0, "transition: a real row follows only a real row"),
        new("two classes", e => e.Opcode == Op.Lh, IsAlu, (t, r) => 1, "is_real is boolean"),
        new("selector not boolean", e => e.Opcode == Op.Lh, IsLoad, (t, r) => 2, "is_load is boolean"),
        new("word access on an alu row", e => e.Opcode == Op.Add && e.OpA == 11, IsWordAccess, (t, r) => 1, "is_word_access only on a load or store"),
        new("x0 flag on x3", e => e.Opcode == Op.Lw && e.OpA == 3, OpAIsX0, (t, r) => 1, "op_a_is_x0 only for register 0"),
        new("lw into x0 writes the word", e => e.Opcode == Op.Lw && e.OpA == 0, A, (t, r) => 0xfb, "x0: a0 is 0"),
        new("alu row not sent", e => e.Opcode == Op.Add && e.OpA == 11, AluSend, (t, r) => 0, "alu_send = is_alu * (1 - op_a_is_x0)"),
        new("alu row into x0 sent", e => e.Opcode == Op.Add && e.OpA == 0 && !e.ImmB, AluSend, (t, r) => 1, "alu_send = is_alu * (1 - op_a_is_x0)"),
        new("lw not setting a", e => e.Opcode == Op.Lw && e.OpA == 3, WordLoadSetsA, (t, r) => 0, "word_load_sets_a = is_word_access * is_load * (1 - op_a_is_x0)"),
        new("lw loads another word", e => e.Opcode == Op.Lw && e.OpA == 3, A + 1, (t, r) => 7, "lw: a1 is the loaded word"),
        new("load changes memory", e => e.Opcode == Op.Lh, MemValue + 2, (t, r) => 7, "load: memory byte 2 unchanged"),
        new("sw stores another word", e => e.Opcode == Op.Sw && e.OpA == 2, MemValue + 3, (t, r) => 7, "sw: memory byte 3 is a3"),
        new("branch changes a", e => e.Opcode == Op.Beq, A, (t, r) => 1, "store/branch: a0 is read unchanged"),
        new("immediate b is not op_b", e => e.Opcode == Op.Add && e.ImmB && e.OpA == 1, OpB, (t, r) => 5, "imm_b: op_b is b"),
        new("immediate c is not op_c", e => e.Opcode == Op.Add && e.ImmC && e.OpA == 2, C + 3, (t, r) => 0, "imm_c: op_c is c"),
        new("imm_b on padding", e => e.Opcode == Op.Auipc, IsAuipc, (t, r) => 0, "imm_b only on a real row"),
        new("address not b + c", e => e.Opcode == Op.Lh, Addr + 1, (t, r) => t[r, Addr + 1].Canonical + 1, "address byte 1: b + c"),
        new("address carry not boolean", e => e.Opcode == Op.Lw && e.OpA == 12, AddrCarry + 2, (t, r) => 2, "addr_carry2 is boolean"),
        new("address split wrong", e => e.Opcode == Op.Lh, AddrQ, (t, r) => t[r, AddrQ].Canonical + 1, "address byte 0 = 4 * addr_q + 2 * bit1 + bit0"),
        new("another word accessed", e => e.Opcode == Op.Lh, MemAddr, (t, r) => t[r, MemAddr].Canonical + 4, "mem_addr is the address's word"),
        new("misaligned lw", e => e.Opcode == Op.Lw && e.OpA == 3, AddrBit0, (t, r) => 1, "lw/sw: address bit 0 is 0"),
        new("misaligned sw", e => e.Opcode == Op.Sw && e.OpA == 2, AddrBit1, (t, r) => 1, "lw/sw: address bit 1 is 0"),
    ];

    [TestCaseSource(nameof(ConstraintCorruptions))]
    public void ACorruptedCellFailsNamingTheRowAndConstraint(Corruption corruption)
    {
        var (report, row) = CheckCorrupted(corruption.Picks, corruption.Column, corruption.Value);
        Assert.That(report.IsSatisfied, Is.False);
        Assert.That(
            report.ConstraintFailures.Select(f => (f.Chip, f.Row, f.Label)),
            Does.Contain((CpuChip.ChipName, (long)(row + corruption.RowOffset), corruption.Label)),
            report.ToString);
    }

    [Test]
    public void AWrongResultOnAnAluRowUnbalancesTheAluBus()
    {
        var (report, _) = CheckCorrupted(e => e.Opcode == Op.Add && e.OpA == 11, A + 2, (t, r) => (t[r, A + 2].Canonical + 1) & 0xff, complete: false);
        Assert.That(report.ConstraintFailures, Is.Empty, report.ToString);
        Assert.That(CpuMachines.BalancedBusImbalances(report).Select(i => i.Bus), Does.Contain(Rv32imBuses.Alu), report.ToString);
    }

    [Test]
    public void ARowOfX0ClaimingAnotherRegisterFailsTheZeroTestOfOpA()
    {
        // SW x0: no other constraint reads op_a_is_x0 there, so only the Ltu lookup (0 < op_a) = 1 - op_a_is_x0 can
        // catch it; without that lookup an x0 row could write a non-zero a into register 0.
        var (report, _) = CheckCorrupted(e => e.Opcode == Op.Sw && e.OpA == 0, OpAIsX0, (t, r) => 0);
        Assert.That(report.ConstraintFailures, Is.Empty, report.ToString);
        Assert.That(report.BusImbalances.Select(i => i.Bus), Is.EqualTo(new[] { Rv32imBuses.Byte, Rv32imBuses.Byte }), report.ToString);
    }

    public static IEnumerable<TestCaseData> BusCorruptions =>
    [
        new TestCaseData("a result the alu chip did not prove", (Func<CpuEvent, bool>)(e => e.Opcode == Op.Add && e.OpA == 11), A + 2, Rv32imBuses.Alu),
        new TestCaseData("an opcode the program does not have", (Func<CpuEvent, bool>)(e => e.Opcode == Op.Add && e.OpA == 11), CpuColumns.Opcode, Rv32imBuses.Program),
        new TestCaseData("a class the program does not have", (Func<CpuEvent, bool>)(e => e.Opcode == Op.Jal && e.OpA == 10), IsJal, Rv32imBuses.Program),
        new TestCaseData("a previous timestamp that was not", (Func<CpuEvent, bool>)(e => e.Opcode == Op.Lh), BPrevTimestamp, Rv32imBuses.Memory),
        new TestCaseData("a previous register value that was not", (Func<CpuEvent, bool>)(e => e.Opcode == Op.Add && e.OpA == 11), APrev, Rv32imBuses.Memory),
        new TestCaseData("a stored byte not written", (Func<CpuEvent, bool>)(e => e.Opcode == Op.Sb), MemValue + 1, Rv32imBuses.Memory),
        new TestCaseData("an address not accessed", (Func<CpuEvent, bool>)(e => e.Opcode == Op.Lh), MemAddr, Rv32imBuses.Memory),
        new TestCaseData("a syscall argument not passed", (Func<CpuEvent, bool>)(e => e.Opcode == Op.Ecall), B, Rv32imBuses.Syscall),
        new TestCaseData("a syscall id not called", (Func<CpuEvent, bool>)(e => e.Opcode == Op.Ecall), APrev, Rv32imBuses.Syscall),
        new TestCaseData("a written byte not range-checked", (Func<CpuEvent, bool>)(e => e.Opcode == Op.Lh), A, Rv32imBuses.Byte),
        new TestCaseData("an address byte not range-checked", (Func<CpuEvent, bool>)(e => e.Opcode == Op.Lw && e.OpA == 12), Addr + 3, Rv32imBuses.Byte),
        new TestCaseData("an offset byte not range-checked", (Func<CpuEvent, bool>)(e => e.Opcode == Op.Lh), C, Rv32imBuses.Byte),
    ];

    [TestCaseSource(nameof(BusCorruptions))]
    public void ACorruptedTupleUnbalancesItsBus(string name, Func<CpuEvent, bool> picks, int column, Bus bus)
    {
        // +1 keeps limbs bytes where they were below 255 and every other column a plausible value.
        var (report, _) = CheckCorrupted(picks, column, (t, r) => t[r, column].Canonical is 0xff ? 0xfe : t[r, column].Canonical + 1);
        Assert.That(report.BusImbalances.Select(i => i.Bus), Does.Contain(bus), $"{name}: {report}");
        Assert.That(report.BusImbalances.SelectMany(i => i.Contributions).Select(c => c.Chip), Does.Contain(CpuChip.ChipName), report.ToString);
    }

    private static (CheckReport Report, int Row) CheckCorrupted(Func<CpuEvent, bool> picks, int column, Func<HostTrace, int, uint> value, bool complete = true)
    {
        var program = CpuRecords.HandWritten();
        using var result = CpuRecords.Run(program, shardSize: 1000);
        var record = result.Shards.Single();
        var row = Array.FindIndex(record.Cpu.ToArray(), e => picks(e));
        Assert.That(row, Is.Not.Negative, "the program has the instruction to corrupt");
        var machine = complete ? CpuMachines.Complete(program) : CpuMachines.CpuAndAlu();
        var report = ChipHarness.Check(machine, record, traces =>
        {
            var trace = traces[CpuChip.ChipName];
            ChipHarness.SetCell(trace, row, column, value(trace, row));
        });
        return (report, row);
    }
}
