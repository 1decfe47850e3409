using StarkGpu.Fields;
using StarkGpu.Rv32im.Chips;
using StarkGpu.Rv32im.Chips.Alu;
using StarkGpu.Rv32im.Chips.Cpu;
using StarkGpu.Rv32im.Elf;
using StarkGpu.Rv32im.Events;
using StarkGpu.Rv32im.Tests.Soundness.Support;
using StarkGpu.Rv32im.Tests.Support;
using Op = StarkGpu.Rv32im.Isa.Opcode;

namespace StarkGpu.Rv32im.Tests.Soundness;

/// <summary>
/// Control flow: branch conditions and targets, JAL/JALR targets and links, AUIPC's sum. Each forgery is another
/// execution claimed as this program's (<see cref="CheatingRun.Executing"/>: the program with one instruction
/// changed ran, its rows relabelled as the real instruction) or a value it writes changed with every later state
/// that holds it, so only the fact itself is false; the constraint or bus that proves the fact catches it, and
/// nothing else does.
/// </summary>
public sealed class ControlFlowTests
{
    // Instruction indices of the program below (pc = TestElf.CodeBase + 4 * index).
    private const int TakenBeq = 3;
    private const int UntakenBne = 5;
    private const int TakenBlt = 6;
    private const int Jal = 9;
    private const int Auipc = 11;
    private const int Jalr = 13;
    private const int UntakenBeq = 17;

    [Test]
    public void TheHonestProgramPassesAndExercisesEveryForgedSite()
    {
        using var run = CheatingRun.Executing(Program(Code()), Program(Code()));
        run.AssertHonestRunPasses();
        var pcs = run.Records.SelectMany(r => r.Cpu.Span.ToArray()).Select(e => e.Pc).ToHashSet();
        Assert.That(new[] { TakenBeq, UntakenBne, TakenBlt, Jal, Auipc, Jalr, UntakenBeq, UntakenBeq + 1 }.Select(Pc), Is.SubsetOf(pcs));
        Assert.That(pcs, Does.Not.Contain(Pc(TakenBeq + 1)), "the beq is taken");
        Assert.That(pcs, Does.Contain(Pc(UntakenBne + 1)), "the bne is not taken");
    }

    [Test]
    public void ATakenBranchThatFallsThroughIsCaught()
    {
        // beq x1, x2 with x1 = x2 claimed, bne (which falls through) executed; the row says not taken.
        using var run = Claim(TakenBeq, Asm.B(8, 2, 1, 1));
        var row = Row(run, TakenBeq);
        Assert.That(run.Get(0, CpuChip.ChipName, row, CpuControlColumns.BranchTaken), Is.EqualTo(1), "the condition holds");
        run.Set(0, CpuChip.ChipName, row, CpuControlColumns.BranchTaken, 0);
        run.AssertCaughtBy(CpuChip.ChipName, "branch: taken = cmp xor negate");
    }

    [Test]
    public void AnUntakenBranchThatJumpsIsCaught()
    {
        // bne x1, x2 with x1 = x2 claimed, beq (which jumps) executed; the row says taken, its target proven.
        using var run = Claim(UntakenBne, Asm.B(8, 2, 1, 0));
        var row = Row(run, UntakenBne);
        run.Set(0, CpuChip.ChipName, row, CpuControlColumns.BranchTaken, 1);
        run.AssertCaughtBy(CpuChip.ChipName, "branch: taken = cmp xor negate");
    }

    [Test]
    public void EqualOperandsClaimedUnequalAreCaught()
    {
        // The same jumping bne, this time with its comparison forged (a != b), so taken agrees with it.
        using var run = Claim(UntakenBne, Asm.B(8, 2, 1, 0));
        var row = Row(run, UntakenBne);
        run.Set(0, CpuChip.ChipName, row, CpuControlColumns.BranchCmp, 0);
        run.Set(0, CpuChip.ChipName, row, CpuControlColumns.BranchTaken, 1);
        run.AssertCaughtBy(CpuChip.ChipName, "beq/bne: no cmp means a != b");
    }

    [Test]
    public void UnequalOperandsClaimedEqualAreCaught()
    {
        // beq 5, 7 claimed taken, bne (which jumps) executed; cmp forged to 1 and the inverse that disproves it to 0.
        using var run = Claim(UntakenBeq, Asm.B(8, 3, 1, 1));
        var row = Row(run, UntakenBeq);
        run.Set(0, CpuChip.ChipName, row, CpuControlColumns.BranchCmp, 1);
        run.Set(0, CpuChip.ChipName, row, CpuControlColumns.BranchNeInverse, 0);
        run.Set(0, CpuChip.ChipName, row, CpuControlColumns.BranchTaken, 1);
        run.AssertCaughtBy(CpuChip.ChipName, "beq/bne: cmp means a0 = b0");
    }

    [Test]
    public void ABneRowReadAsABeqIsCaught()
    {
        // bne x1, x2 with x1 = x2 claimed, beq (which jumps) executed; the row's negate is cleared, so taken = cmp
        // is consistent, but the committed opcode is BNE.
        using var run = Claim(UntakenBne, Asm.B(8, 2, 1, 0));
        var row = Row(run, UntakenBne);
        run.Set(0, CpuChip.ChipName, row, CpuControlColumns.BranchNegate, 0);
        run.Set(0, CpuChip.ChipName, row, CpuControlColumns.BranchTaken, 1);
        run.AssertCaughtBy(CpuChip.ChipName, "branch: eq is beq/bne");
    }

    [Test]
    public void AForgedLessThanComparisonUnbalancesTheAluBus()
    {
        // blt 5 < 7 claimed, bge (which falls through) executed; the row claims 5 >= 7, the Lt chip proved 5 < 7.
        using var run = Claim(TakenBlt, Asm.B(8, 3, 1, 5));
        var row = Row(run, TakenBlt);
        run.Set(0, CpuChip.ChipName, row, CpuControlColumns.BranchCmp, 0);
        run.Set(0, CpuChip.ChipName, row, CpuControlColumns.BranchTaken, 0);
        run.AssertCaughtByBus(Rv32imBuses.Alu);
    }

    [Test]
    public void AWrongBranchTargetIsCaught()
    {
        // blt ... +8 claimed, blt ... +12 executed: the row's target is where it went, pc + 12.
        using var run = Claim(TakenBlt, Asm.B(12, 3, 1, 4));
        var pc = Pc(TakenBlt);

        // As recorded, the AddSub chip proved pc + 12 = pc + 12, not the row's pc + 8.
        run.AssertCaughtByBus(Rv32imBuses.Alu);

        // With the sum the row sends on the AddSub chip's side, that chip's row does not add up.
        ReplaceSum(run, pc, new AluEvent { Pc = pc, Opcode = Op.Add, A = pc + 12, B = pc, C = 8 });
        run.AssertCaughtBy(AddSubChip.ChipName, "byte 0 adds up");

        // With the honest sum pc + 8 as the target, next_pc is not the target.
        ReplaceSum(run, pc, new AluEvent { Pc = pc, Opcode = Op.Add, A = pc + 8, B = pc, C = 8 });
        run.SetWord(0, CpuChip.ChipName, Row(run, TakenBlt), CpuControlColumns.Target, pc + 8);
        run.AssertCaughtBy(CpuChip.ChipName, "branch/jal: next_pc is the target");
    }

    [Test]
    public void AJalToAnotherTargetUnbalancesTheAluBus()
    {
        // jal x9, +8 claimed, jal x9, +4 executed.
        using var run = Claim(Jal, Asm.Jal(9, 4));
        run.AssertCaughtByBus(Rv32imBuses.Alu);
    }

    [Test]
    public void AJalWithAWrongLinkValueUnbalancesTheAluBus()
    {
        // x9 = pc + 8 instead of pc + 4 (x9 is not read again: its final state carries the lie).
        using var run = Claim(Jal, Asm.Jal(9, 8));
        var pc = Pc(Jal);
        ForgeWrite(run, pc, 9, pc + 8);
        run.AssertCaughtByBus(Rv32imBuses.Alu);
    }

    [Test]
    public void AJalrTargetOffByFourIsCaught()
    {
        // jalr x8, 16(x6) claimed, jalr x8, 20(x6) executed; the row's sum is the claimed b + 16, proven.
        using var run = Claim(Jalr, Asm.Jalr(8, 6, 20));
        var pc = Pc(Jalr);
        var b = Pc(Jalr - 1);
        ReplaceSum(run, pc, new AluEvent { Pc = pc, Opcode = Op.Add, A = b + 16, B = b, C = 16 });
        run.AssertCaughtBy(CpuChip.ChipName, "jalr: next_pc is the target with bit 0 cleared");
    }

    [Test]
    public void AnAuipcResultOffByOneUnbalancesTheAluBus()
    {
        using var run = Claim(Auipc, Asm.Auipc(7, 1));
        var pc = Pc(Auipc);
        ForgeWrite(run, pc, 7, pc + 4096 + 1);
        run.AssertCaughtByBus(Rv32imBuses.Alu);
    }

    [Test]
    public void AnAuipcImmediatePlusPIsCaughtByTheProgramBus()
    {
        // The committed immediate is 4096; its limbs read as 4096 + p are the same element mod p, and the AddSub
        // chip proves pc + (4096 + p) honestly. Only the program's limbs of the immediate tell them apart.
        using var run = Claim(Auipc, Asm.Auipc(7, 1));
        var pc = Pc(Auipc);
        var alias = 4096 + KoalaBear.Modulus;
        foreach (ref var e in run.Records[0].Cpu.WritableSpan)
        {
            if (e.Pc == pc)
            {
                e.B = alias;
                e.C = alias;
            }
        }

        ReplaceSum(run, pc, 4096, new AluEvent { Pc = pc, Opcode = Op.Add, A = pc + alias, B = pc, C = alias });
        ForgeWrite(run, pc, 7, pc + alias);
        run.AssertCaughtByBus(Rv32imBuses.Program);
    }

    /// <summary>
    /// Exercises each forged site once: beq taken, bne not taken, blt taken, bgeu not taken, jal, auipc twice, jalr
    /// (its base from the auipc before it), beq not taken, then HALT. Skipped instructions write registers nothing reads.
    /// </summary>
    private static uint[] Code() =>
    [
        Asm.Addi(1, 0, 5),
        Asm.Addi(2, 0, 5),
        Asm.Addi(3, 0, 7),
        Asm.B(8, 2, 1, 0),  // 3: beq x1, x2, +8 (taken)
        Asm.Addi(10, 0, 1),
        Asm.B(8, 2, 1, 1),  // 5: bne x1, x2, +8 (not taken)
        Asm.B(8, 3, 1, 4),  // 6: blt x1, x3, +8 (taken)
        Asm.Addi(11, 0, 1),
        Asm.B(8, 3, 1, 7),  // 8: bgeu x1, x3, +8 (not taken)
        Asm.Jal(9, 8),      // 9: jal x9, +8
        Asm.Addi(12, 0, 1),
        Asm.Auipc(7, 1),    // 11: auipc x7, 1
        Asm.Auipc(6, 0),    // 12: auipc x6, 0
        Asm.Jalr(8, 6, 16), // 13: jalr x8, 16(x6) -> 16
        Asm.Addi(13, 0, 1),
        Asm.Addi(14, 0, 1),
        Asm.Addi(15, 0, 1),
        Asm.B(8, 3, 1, 0),  // 17: beq x1, x3, +8 (not taken)
        Asm.Addi(16, 0, 1),
        .. Asm.Halt(0),
    ];

    private static Program Program(uint[] code) => ElfLoader.Load(TestElf.FromCode(code));

    private static uint Pc(int index) => TestElf.CodeBase + (4 * (uint)index);

    /// <summary>The program claimed, with <paramref name="executed"/> run at <paramref name="index"/> instead.</summary>
    private static CheatingRun Claim(int index, uint executed)
    {
        var code = Code();
        code[index] = executed;
        return CheatingRun.Executing(Program(Code()), Program(code));
    }

    private static int Row(CheatingRun run, int index) => run.FindCpuRow(e => e.Pc == Pc(index)).Row;

    /// <summary>Replaces the AddSub event of the row at <paramref name="pc"/> with operand b as <paramref name="sum"/>'s, and regenerates.</summary>
    private static void ReplaceSum(CheatingRun run, uint pc, AluEvent sum) => ReplaceSum(run, pc, null, sum);

    /// <summary>The same, picking the event by its operand c when <paramref name="c"/> is given.</summary>
    private static void ReplaceSum(CheatingRun run, uint pc, uint? c, AluEvent sum)
    {
        var events = run.Records[0].AddSub.WritableSpan;
        var found = 0;
        for (var i = 0; i < events.Length; i++)
        {
            if (events[i].Pc == pc && events[i].B == sum.B && (c is null || events[i].C == c))
            {
                events[i] = sum;
                found++;
            }
        }

        Assert.That(found, Is.EqualTo(1));
        run.RegenerateAll();
    }

    /// <summary>
    /// The row at <paramref name="pc"/> writes <paramref name="value"/> into <paramref name="register"/>, which no
    /// later instruction touches: the shard's and the execution's final states of the register hold it too.
    /// </summary>
    private static void ForgeWrite(CheatingRun run, uint pc, uint register, uint value)
    {
        Assert.That(run.Records, Has.Count.EqualTo(1), "a one-shard program");
        var record = run.Records[0];
        foreach (ref var e in record.Cpu.WritableSpan)
        {
            if (e.Pc == pc)
            {
                Assert.That(e.OpA, Is.EqualTo(register));
                e.A = value;
                e.ARecord.Value = value;
            }
        }

        foreach (ref var local in record.MemoryLocal.WritableSpan)
        {
            if (local.Address == register)
            {
                local.Final.Value = value;
            }
        }

        foreach (ref var final in record.MemoryFinalize.WritableSpan)
        {
            if (final.Address == register)
            {
                final.Value = value;
            }
        }

        run.RegenerateAll();
    }
}
