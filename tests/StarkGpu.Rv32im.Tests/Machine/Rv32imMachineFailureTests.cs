using StarkGpu.Device;
using StarkGpu.Engine.Scheduling;
using StarkGpu.Rv32im.Chips.ProgramTable;
using StarkGpu.Rv32im.Elf;
using StarkGpu.Rv32im.Events;

namespace StarkGpu.Rv32im.Tests.Machine;

/// <summary>
/// A bad record through the whole machine on the cpu backend: the failure names the chip and the pc, and nothing
/// is left behind (device memory back to where it was, every permit free), so the prover can go on.
/// </summary>
public sealed class Rv32imMachineFailureTests
{
    [Test]
    public void AnInstructionOutsideTheProgramFailsNamingTheChipAndPcAndLeaksNothing()
    {
        var (program, result) = GuestRun.Record("fibonacci");
        using (result)
        {
            const uint StrayPc = 0x0010_0000; // below the code: no instruction there
            using var bad = WithCpuPc(result.Shards[0], row: 100, StrayPc);
            var machine = Rv32imMachine.Create(program);
            using var accelerator = Accelerators.Cpu();
            using var semaphore = new ProverSemaphore(2);
            var generator = new TraceGenerator<ExecutionRecord, Program>(machine, accelerator, semaphore, new TraceGeneratorOptions { Backend = TraceBackend.Cpu });
            var liveBefore = accelerator.Ledger.LiveBytes;

            var error = Assert.ThrowsAsync<TraceGenerationException>(async () => (await generator.GenerateMainTracesAsync(bad)).Dispose());

            Assert.That(error!.ChipName, Is.EqualTo("Program"));
            Assert.That(error.InnerException, Is.InstanceOf<PcOutsideProgramException>());
            Assert.That(error.Message, Does.Contain("0x00100000"));
            Assert.That(accelerator.Ledger.LiveBytes, Is.EqualTo(liveBefore), "device memory leaked");
            Assert.That(semaphore.Available, Is.EqualTo(2), "a permit is still held");

            // The generator is still usable: the good shard goes through.
            using var good = generator.GenerateMainTracesAsync(result.Shards[0]).GetAwaiter().GetResult();
            Assert.That(good.Traces["Cpu"].Height, Is.EqualTo(result.Shards[0].Cycles));
        }
    }

    private static ExecutionRecord WithCpuPc(ExecutionRecord source, int row, uint pc)
    {
        var copy = new ExecutionRecord(source.Shard, source.Cycles);
        var events = source.Cpu.Span;
        for (var i = 0; i < events.Length; i++)
        {
            var e = events[i];
            if (i == row)
            {
                e.Pc = pc;
            }

            copy.Cpu.Add(in e);
        }

        return copy;
    }
}
