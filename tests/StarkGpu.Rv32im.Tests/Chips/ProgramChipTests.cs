using StarkGpu.Engine.Air;
using StarkGpu.Engine.Checking;
using StarkGpu.Fields;
using StarkGpu.Rv32im.Chips;
using StarkGpu.Rv32im.Chips.Cpu;
using StarkGpu.Rv32im.Chips.ProgramTable;
using StarkGpu.Rv32im.Elf;
using StarkGpu.Rv32im.Events;
using StarkGpu.Rv32im.Execution;
using StarkGpu.Rv32im.Isa;
using StarkGpu.Rv32im.Tests.Chips.Support;
using StarkGpu.Rv32im.Tests.Support;

namespace StarkGpu.Rv32im.Tests.Chips;

/// <summary>The Program chip on a small hand-assembled program: its rows, its counts, and what it catches.</summary>
public sealed class ProgramChipTests
{
    // x1 = 3; do x1 -= 1 while x1 != 0 (beq exits, jal loops); halt; then code that never runs.
    private static readonly uint[] Code =
    [
        Asm.Addi(1, 0, 3),       // 0
        Asm.Addi(1, 1, -1),      // 1: loop
        Asm.Beq(1, 0, 8),        // 2: to 4 when x1 == 0
        Asm.Jal(0, -8),          // 3: to 1
        .. Asm.Halt(0),          // 4, 5, 6
        Asm.Ebreak,              // 7: never runs
        Asm.Lw(2, 1, -4),        // 8: never runs
        Asm.Lui(3, 0x12345),     // 9: never runs
    ];

    // Executions of each instruction: the loop body runs three times, its back jump twice.
    private static readonly uint[] ExpectedMultiplicities = [1, 3, 3, 2, 1, 1, 1, 0, 0, 0];

    private static Program LoadProgram() => ElfLoader.Load(TestElf.FromCode(Code));

    [Test]
    public void PreprocessedRowsAreTheDecodedInstructionsAtTheirPcs()
    {
        var program = LoadProgram();
        var trace = new ProgramChip(program).GenerateHostPreprocessedTrace(program);
        Assert.That(trace.Height, Is.EqualTo(Code.Length));

        // (opcode, op_a, op_b, op_c, imm_b, imm_c, flags), canonical; immediates reduced mod p = 0x7f000001.
        Assert.Multiple(() =>
        {
            ExpectRow(trace, 0, Opcode.Add, 1, 0, 3, 0, 1, InstructionFlags.Alu);
            ExpectRow(trace, 1, Opcode.Add, 1, 1, 0xffff_ffff, 0, 1, InstructionFlags.Alu);            // -1
            ExpectRow(trace, 2, Opcode.Beq, 1, 0, 8, 0, 1, InstructionFlags.Branch);
            ExpectRow(trace, 3, Opcode.Jal, 0, 0xffff_fff8, 0, 1, 1, InstructionFlags.Jal);           // -8
            ExpectRow(trace, 6, Opcode.Ecall, 5, 10, 11, 0, 0, InstructionFlags.Ecall);
            ExpectRow(trace, 7, Opcode.Ebreak, 0, 0, 0, 0, 0, InstructionFlags.None);
            ExpectRow(trace, 8, Opcode.Lw, 2, 1, 0xffff_fffc, 0, 1, InstructionFlags.Load | InstructionFlags.WordAccess); // -4
            ExpectRow(trace, 9, Opcode.Add, 3, 0, 0x1234_5000, 1, 1, InstructionFlags.Alu);           // LUI = ADD rd, #0, #imm<<12
        });

        for (var row = 0; row < trace.Height; row++)
        {
            Assert.That(trace[row, ProgramColumns.Pc].Canonical, Is.EqualTo(TestElf.CodeBase + (4 * (uint)row)), $"pc of row {row}");
        }
    }

    [Test]
    public void MultiplicityCountsTheExecutionsOfEachInstructionAndTheBusesBalance()
    {
        var program = LoadProgram();
        using var result = Executor.Execute(program, new ExecutionOptions { Mode = ExecutionMode.Recording });
        var record = result.Shards.Single();
        var chip = new ProgramChip(program);

        var trace = chip.GenerateHostMainTrace(record);
        Assert.That(Enumerable.Range(0, trace.Height).Select(r => trace[r, ProgramColumns.Multiplicity].Canonical), Is.EqualTo(ExpectedMultiplicities));
        var report = ProgramSyscallHarness.Check(ProgramSyscallHarness.Machine(program), program, record);
        Assert.That(report.IsSatisfied, Is.True, report.ToString);
    }

    [Test]
    public void ACorruptedMultiplicityUnbalancesTheProgramBus()
    {
        var program = LoadProgram();
        using var result = Executor.Execute(program, new ExecutionOptions { Mode = ExecutionMode.Recording });
        var report = ProgramSyscallHarness.Check(ProgramSyscallHarness.Machine(program), program, result.Shards[0], (main, _) =>
            ChipHarness.SetCell(main[ProgramChip.ChipName], 1, ProgramColumns.Multiplicity, 4));

        Assert.That(report.ConstraintFailureCount, Is.Zero, report.ToString);
        var imbalance = report.BusImbalances.Single();
        Assert.That(imbalance.Bus, Is.EqualTo(Rv32imBuses.Program));
        Assert.That(imbalance.Tuple[ProgramColumns.Pc].Canonical, Is.EqualTo(TestElf.CodeBase + 4));
        Assert.That(imbalance.Net, Is.EqualTo(-KoalaBear.One), "three sends, four receives");
        Assert.That(imbalance.Contributions.Select(c => (c.Chip, c.Kind)), Does.Contain((ProgramChip.ChipName, InteractionKind.Receive)));
    }

    [Test]
    public void ACorruptedPreprocessedOpcodeUnbalancesTheProgramBus()
    {
        var program = LoadProgram();
        using var result = Executor.Execute(program, new ExecutionOptions { Mode = ExecutionMode.Recording });
        var report = ProgramSyscallHarness.Check(ProgramSyscallHarness.Machine(program), program, result.Shards[0], (_, preprocessed) =>
            ChipHarness.SetCell(preprocessed[ProgramChip.ChipName], 2, ProgramColumns.Opcode, (uint)Opcode.Bne));

        // The executed BEQ is sent but no longer received, and the committed BNE is received but never sent.
        Assert.That(report.BusImbalances, Has.Count.EqualTo(2), report.ToString);
        Assert.That(report.BusImbalances.Select(b => b.Bus), Is.All.EqualTo(Rv32imBuses.Program));
        Assert.That(report.BusImbalances.Select(b => b.Tuple[ProgramColumns.Opcode].Canonical), Is.EquivalentTo(new[] { (uint)Opcode.Beq, (uint)Opcode.Bne }));
        Assert.That(report.ToString(), Does.Contain("bus program").And.Contain(ProgramChip.ChipName));
    }

    [TestCase(TestElf.CodeBase - 4, "outside the program's code")]
    [TestCase(TestElf.CodeBase + 40, "outside the program's code")]
    [TestCase(TestElf.CodeBase + 6, "not 4-aligned")]
    [TestCase(0xffff_fffcu, "outside the program's code")]
    public void APcOutsideTheProgramThrowsNamingTheChipShardAndPc(uint pc, string reason)
    {
        var program = LoadProgram();
        using var record = new ExecutionRecord(shard: 3, cycles: 2);
        record.Cpu.AddRef() = new CpuEvent { Shard = 3, Clk = 0, Pc = TestElf.CodeBase, Opcode = Opcode.Add };
        record.Cpu.AddRef() = new CpuEvent { Shard = 3, Clk = 4, Pc = pc, Opcode = Opcode.Add };

        var error = Assert.Throws<PcOutsideProgramException>(() => new ProgramChip(program).GenerateHostMainTrace(record));
        Assert.That(error!.Message, Does.Contain("chip Program").And.Contain("shard 3").And.Contain($"0x{pc:x8}").And.Contain(reason));
        Assert.That((error.ChipName, error.Shard, error.Pc), Is.EqualTo((ProgramChip.ChipName, 3u, pc)));
    }

    [Test]
    public void ZeroRowsSatisfyEveryChipAndSendNothing()
    {
        var report = ConstraintChecker.CheckZeroRows(ProgramSyscallHarness.Machine(LoadProgram()));
        Assert.That(report.IsSatisfied, Is.True, report.ToString);
    }

    [Test]
    public void TheChipReceivesItsPreprocessedTupleWithTheMultiplicityAndConstrainsNothing()
    {
        var program = LoadProgram();
        var symbolic = ProgramSyscallHarness.Machine(program).Symbolic(ProgramChip.ChipName);
        var interaction = symbolic.Interactions.Single();
        Assert.That((interaction.Bus, interaction.Kind, interaction.Values.Count), Is.EqualTo((Rv32imBuses.Program, InteractionKind.Receive, ProgramBus.TupleLength)));
        Assert.That(symbolic.Constraints, Is.Empty);
    }

    [Test]
    public void HeightsComeFromTheProgramAndTheChipIsIncludedOnlyWithCpuEvents()
    {
        var program = LoadProgram();
        var chip = new ProgramChip(program);
        using var empty = new ExecutionRecord(shard: 1, cycles: 0);
        Assert.That(chip.Included(empty), Is.False);
        Assert.That((chip.MainHeight(empty), chip.PreprocessedHeight(program)), Is.EqualTo((Code.Length, Code.Length)));
        Assert.That(chip.GenerateHostMainTrace(empty).Values, Is.All.EqualTo(KoalaBear.Zero));
    }

    [Test]
    public void APreprocessedTraceForOtherCodeIsRejected()
    {
        var chip = new ProgramChip(LoadProgram());
        var other = ElfLoader.Load(TestElf.FromCode([.. Code, Asm.Ebreak]));
        var error = Assert.Throws<ArgumentException>(() => chip.GenerateHostPreprocessedTrace(other));
        Assert.That(error!.Message, Does.Contain("chip Program"));
    }

    private static void ExpectRow(
        Engine.Chips.HostTrace trace, int row, Opcode opcode, uint opA, uint opB, uint opC, uint immB, uint immC, InstructionFlags flags)
    {
        // Operands as their four bytes: an immediate's limbs, not its value mod p.
        uint[] expected = [(uint)opcode, opA, .. Bytes(opB), .. Bytes(opC), immB, immC, (uint)flags];
        var actual = Enumerable.Range(ProgramColumns.Opcode, expected.Length).Select(c => trace[row, c].Canonical);
        Assert.That(actual, Is.EqualTo(expected), $"row {row}");
    }

    private static uint[] Bytes(uint word) => [word & 0xff, (word >> 8) & 0xff, (word >> 16) & 0xff, word >> 24];
}
