using StarkGpu.Engine.Air;
using StarkGpu.Fields;
using StarkGpu.Rv32im.Chips;
using StarkGpu.Rv32im.Chips.Syscall;
using StarkGpu.Rv32im.Elf;
using StarkGpu.Rv32im.Events;
using StarkGpu.Rv32im.Execution;
using StarkGpu.Rv32im.Tests.Chips.Support;
using StarkGpu.Rv32im.Tests.Support;

namespace StarkGpu.Rv32im.Tests.Chips;

/// <summary>The Syscall chip: its rows, its balance against the ECALL rows, and what it catches.</summary>
public sealed class SyscallChipTests
{
    // A WRITE of 0 bytes to stdout (t0 = 2, a0 = fd 1, a1 = pointer 0x30), then HALT with exit code 7.
    private static readonly uint[] Code = [Asm.Addi(5, 0, 2), Asm.Addi(10, 0, 1), Asm.Addi(11, 0, 0x30), Asm.Addi(12, 0, 0), Asm.Ecall, .. Asm.Halt(7)];

    [Test]
    public void RowsAreTheEventsWithEveryWordReducedModP()
    {
        using var record = new ExecutionRecord(shard: 2, cycles: 0);
        record.Syscalls.Add(new SyscallEvent { Shard = 2, Clk = 12, SyscallId = 0xffff_ffff, Arg1 = 0x8000_0000, Arg2 = 0x7f00_0001 });
        record.Syscalls.Add(new SyscallEvent { Shard = 2, Clk = 40, SyscallId = 0, Arg1 = 5, Arg2 = 6 });

        var chip = new SyscallChip();
        Assert.That(chip.Included(record), Is.True);
        var trace = chip.GenerateHostMainTrace(record);
        Assert.That(trace.Height, Is.EqualTo(2));

        // p = 0x7f000001: 0xffffffff = 2p + 0x01fffffd, 0x80000000 = p + 0x00ffffff, p itself is 0. Then pc, next_pc
        // and result (0 here), is_real, is_halt (id 0 only) and the id's inverse (0 for id 0).
        var inverse = KoalaBear.FromCanonical(0x01ff_fffd).Inverse().Canonical;
        Assert.That(trace.Row(0).ToArray().Take(11).Select(v => v.Canonical), Is.EqualTo(new uint[] { 2, 12, 0x01ff_fffd, 0x00ff_ffff, 0, 0, 0, 0, 1, 0, inverse }));
        Assert.That(trace.Row(1).ToArray().Take(11).Select(v => v.Canonical), Is.EqualTo(new uint[] { 2, 40, 0, 5, 6, 0, 0, 0, 1, 1, 0 }));
    }

    [Test]
    public void EachEcallRowFindsItsSyscallRow()
    {
        var (program, result) = Execute();
        using (result)
        {
            var record = result.Shards.Single();
            var ids = record.Syscalls.ToArray().Select(s => (s.Clk, s.SyscallId, s.Arg1, s.Arg2));
            Assert.That(ids, Is.EqualTo(new[] { (16u, SyscallCode.Write, 1u, 0x30u), (28u, SyscallCode.Halt, 7u, 0x30u) }));
            var report = ProgramSyscallHarness.Check(ProgramSyscallHarness.Machine(program), program, record);
            Assert.That(report.IsSatisfied, Is.True, report.ToString);
        }
    }

    [Test]
    public void ANonBooleanIsRealIsCaught()
    {
        var report = CheckCorrupted(trace => ChipHarness.SetCell(trace, 0, SyscallColumns.IsReal, 2));
        Assert.That(report.ConstraintFailures.Select(f => (f.Chip, f.Label, f.Row)), Does.Contain((SyscallChip.ChipName, "is_real is boolean", 0L)));
    }

    [Test]
    public void ACorruptedArgumentUnbalancesTheSyscallBus()
    {
        // The WRITE's fd (the HALT's a0 is also tied to the exit code, see HaltsA0IsThePublicExitCode).
        var report = CheckCorrupted(trace => ChipHarness.SetCell(trace, 0, SyscallColumns.Arg1, 8));
        Assert.That(report.ConstraintFailureCount, Is.Zero, report.ToString);
        Assert.That(report.BusImbalances, Has.Count.EqualTo(2), report.ToString);
        Assert.That(report.BusImbalances.Select(b => b.Bus), Is.All.EqualTo(Rv32imBuses.Syscall));
        Assert.That(report.BusImbalances.Select(b => b.Tuple[SyscallColumns.Arg1].Canonical), Is.EquivalentTo(new uint[] { 1, 8 }));
    }

    [Test]
    public void HaltsA0IsThePublicExitCode()
    {
        // Row 1 is the HALT with exit code 7: another a0 fails the constraint (and the bus), and a cleared is_halt
        // (which would skip it) fails the zero test of the id, and the next pc of a non-halting ECALL.
        var report = CheckCorrupted(trace => ChipHarness.SetCell(trace, 1, SyscallColumns.Arg1, 8));
        Assert.That(report.ConstraintFailures.Select(f => (f.Label, f.Row)), Is.EqualTo(new[] { ("halt: a0 is the public exit code", 1L) }), report.ToString);
        report = CheckCorrupted(trace => ChipHarness.SetCell(trace, 1, SyscallColumns.IsHalt, 0));
        Assert.That(
            report.ConstraintFailures.Select(f => (f.Label, f.Row)),
            Is.EquivalentTo(new[] { ("is_halt = is_real - (syscall_id - 0) * inverse", 1L), ("ecall: next_pc = pc + 4 (but after halt)", 1L) }),
            report.ToString);
        report = CheckCorrupted(trace => ChipHarness.SetCell(trace, 0, SyscallColumns.IsHalt, 1));
        Assert.That(report.ConstraintFailures.Select(f => f.Label), Does.Contain("is_halt only for syscall id 0"), report.ToString);
    }

    [Test]
    public void AnEcallsNextPcAndResultAreProven()
    {
        // Row 0 is the WRITE (pc 16, id 2): it cannot jump, halt, or change t0; row 1 (HALT) cannot go on.
        var report = CheckCorrupted(trace => ChipHarness.SetCell(trace, 0, SyscallColumns.NextPc, 0));
        Assert.That(report.ConstraintFailures.Select(f => f.Label), Does.Contain("ecall: next_pc = pc + 4 (but after halt)"), report.ToString);
        report = CheckCorrupted(trace => ChipHarness.SetCell(trace, 1, SyscallColumns.NextPc, 36));
        Assert.That(report.ConstraintFailures.Select(f => f.Label), Does.Contain("halt: next_pc is 0"), report.ToString);
        report = CheckCorrupted(trace => ChipHarness.SetCell(trace, 0, SyscallColumns.Result, 3));
        Assert.That(report.ConstraintFailures.Select(f => f.Label), Does.Contain("ecall: t0 keeps the syscall id"), report.ToString);
    }

    [Test]
    public void AnEcallWithoutItsSyscallRowUnbalancesTheSyscallBus()
    {
        var report = CheckCorrupted(trace => ChipHarness.SetCell(trace, 0, SyscallColumns.IsReal, 0));
        var imbalance = report.BusImbalances.Single();
        Assert.That((imbalance.Bus, imbalance.Net), Is.EqualTo((Rv32imBuses.Syscall, KoalaBear.One)));
        Assert.That(imbalance.Contributions.Select(c => (c.Chip, c.Kind)), Is.EqualTo(new[] { ("SyscallSender", InteractionKind.Send) }));
    }

    [Test]
    public void TheChipIsLeftOutOfAShardWithoutSyscalls()
    {
        using var record = new ExecutionRecord(shard: 1, cycles: 0);
        Assert.That((new SyscallChip().Included(record), new SyscallChip().MainHeight(record)), Is.EqualTo((false, 0)));
    }

    private static Engine.Checking.CheckReport CheckCorrupted(Action<Engine.Chips.HostTrace> corrupt)
    {
        var (program, result) = Execute();
        using (result)
        {
            return ProgramSyscallHarness.Check(
                ProgramSyscallHarness.Machine(program), program, result.Shards.Single(), (main, _) => corrupt(main[SyscallChip.ChipName]));
        }
    }

    private static (Program Program, ExecutionResult Result) Execute()
    {
        var program = ElfLoader.Load(TestElf.FromCode(Code));
        return (program, Executor.Execute(program, new ExecutionOptions { Mode = ExecutionMode.Recording }));
    }
}
