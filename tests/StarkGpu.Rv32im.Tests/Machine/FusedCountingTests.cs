using StarkGpu.Device;
using StarkGpu.Engine.Chips;
using StarkGpu.Engine.Equality;
using StarkGpu.Rv32im.Chips.ByteLookup;
using StarkGpu.Rv32im.Chips.ProgramTable;
using StarkGpu.Rv32im.Tests.Chips.Support;

namespace StarkGpu.Rv32im.Tests.Machine;

/// <summary>
/// The counting the Cpu and ALU kernels do while they write their rows (into <see cref="ByteLookupScratch"/> and
/// <see cref="ProgramScratch"/>) gives the ByteLookup and Program traces the host gives, whichever of the two scratches
/// a call prepares, and leaves each chip's own trace as the host writes it. Every device chip of the machine runs in
/// its <see cref="Chip{TRecord,TProgram}.DeviceOrder"/> through one <see cref="DeviceTraceContext"/>, as the scheduler
/// runs it.
/// </summary>
public sealed class FusedCountingTests
{
    [TestCase(true, true)]
    [TestCase(true, false)]
    [TestCase(false, true)]
    [TestCase(false, false)]
    public void DeviceTracesEqualHostTracesWithTheScratchesPrepared(bool byteLookupScratch, bool programScratch)
    {
        var (program, result) = GuestRun.Record("insn_test");
        using var _ = result;
        var machine = Rv32imMachine.Create(program);
        using var accelerator = Accelerators.Cpu();
        foreach (var record in result.Shards)
        {
            var chips = machine.Chips.Where(c => c.Included(record) && c.SupportsDeviceMainTracegen)
                .OrderBy(c => c.DeviceOrder).ThenBy(c => c.Name, StringComparer.Ordinal).ToList();
            using var stream = accelerator.CreateStream();
            using var context = new DeviceTraceContext(stream);
            foreach (var chip in chips)
            {
                if ((chip is ByteLookupChip && byteLookupScratch) || (chip is ProgramChip && programScratch))
                {
                    chip.PrepareDeviceMainTrace(record, context);
                }
            }

            foreach (var chip in chips)
            {
                using var output = ChipHarness.AllocatePoisoned(stream, chip.Width, chip.MainHeight(record));
                chip.GenerateDeviceMainTrace(record, context, output);
                TraceEquality.AssertEqual($"{chip.Name} (shard {record.Shard})", chip.GenerateHostMainTrace(record), output);
            }
        }
    }

    [Test]
    public void ScratchIsClaimedOnceAndFreedWithTheContext()
    {
        var (program, result) = GuestRun.Record("fibonacci");
        using var _ = result;
        var record = result.Shards[0];
        var machine = Rv32imMachine.Create(program);
        using var accelerator = Accelerators.Cpu();
        using var stream = accelerator.CreateStream();
        var cpu = machine.ByName("Cpu");
        using (var context = new DeviceTraceContext(stream))
        {
            machine.ByName(ByteLookupChip.ChipName).PrepareDeviceMainTrace(record, context);
            machine.ByName(ProgramChip.ChipName).PrepareDeviceMainTrace(record, context);
            Assert.That(accelerator.Ledger.LiveBytes, Is.Positive);

            var bytes = context.Find<ByteLookupScratch>()!;
            Assert.That(bytes.Claim((IByteLookupSource)cpu), Is.Not.Null);
            Assert.That(bytes.Claim((IByteLookupSource)cpu), Is.Null, "a second claim would count the lookups twice");
            Assert.That(context.Find<ProgramScratch>()!.Claim(), Is.Not.Null);
            Assert.That(context.Find<ProgramScratch>()!.Claim(), Is.Null);
            Assert.Throws<InvalidOperationException>(() => machine.ByName(ProgramChip.ChipName).PrepareDeviceMainTrace(record, context));
        }

        Assert.That(accelerator.Ledger.LiveBytes, Is.Zero, "the context frees its scratch");
    }
}
