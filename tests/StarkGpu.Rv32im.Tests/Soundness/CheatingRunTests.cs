using StarkGpu.Engine.Checking;
using StarkGpu.Rv32im.Chips;
using StarkGpu.Rv32im.Chips.Cpu;
using StarkGpu.Rv32im.Tests.Soundness.Support;
using Op = StarkGpu.Rv32im.Isa.Opcode;

namespace StarkGpu.Rv32im.Tests.Soundness;

/// <summary>The forgery harness itself: an honest run passes, and a forged cell is caught only by its constraint.</summary>
public sealed class CheatingRunTests
{
    [Test]
    public void AnHonestRunPassesAndAForgedSelectorIsCaughtOnlyByItsConstraint()
    {
        using var run = CheatingRun.Of("fibonacci");
        run.AssertHonestRunPasses();

        // An ALU row whose alu_send is cleared: the operation would not be proven. The alu bus then lacks that row's
        // tuple too, so both the constraint and the bus see it; ignoring the constraint alone must not pass.
        var (position, row) = run.FindCpuRow(e => e.Opcode == Op.Add && e.OpA != 0);
        run.Set(position, CpuChip.ChipName, row, CpuColumns.AluSend, 0);
        const string Label = "alu_send = is_alu * (1 - op_a_is_x0)";
        Assert.Throws<AssertionException>(() => run.AssertCaughtBy(CpuChip.ChipName, Label), "the alu bus catches it too");
        var without = run.Check(new CheckOptions
        {
            IgnoredConstraints = new HashSet<string>([Label], StringComparer.Ordinal),
            IgnoredBuses = new HashSet<string>([Rv32imBuses.Alu.Name], StringComparer.Ordinal),
        });
        Assert.That(without.IsSatisfied, Is.True, without.ToString);
    }
}
