using StarkGpu.Device;
using StarkGpu.Device.Cpu;
using StarkGpu.Engine.Checking;
using StarkGpu.Engine.Equality;
using StarkGpu.Engine.Scheduling;
using StarkGpu.Rv32im.Elf;
using StarkGpu.Rv32im.Events;
using StarkGpu.Rv32im.Tests.Support;

namespace StarkGpu.Rv32im.Tests.Machine;

/// <summary>
/// The whole RV32IM machine on every guest program: every constraint holds, every local bus balances in every
/// shard and every global bus across the shards, and the CPU backend's traces (kernels where the chip has one,
/// uploaded host traces otherwise) equal the host traces bit for bit, through the trace generator.
/// </summary>
public sealed class Rv32imMachineTests
{
    private static IEnumerable<string> Programs => GuestPrograms.QemuComparable.Concat(GuestPrograms.Sp1Only);

    [Test]
    public void EveryBusHasASenderAndAReceiver()
    {
        var machine = Rv32imMachine.Create(ElfLoader.LoadFile(RepoPaths.GuestElf("fibonacci")));
        Assert.That(Rv32imMachine.IncompleteBuses(machine), Is.Empty);
    }

    [Test]
    public void AllZeroRowsSatisfyEveryChip()
    {
        var report = ConstraintChecker.CheckZeroRows(Rv32imMachine.Create(ElfLoader.LoadFile(RepoPaths.GuestElf("fibonacci"))));
        Assert.That(report.IsSatisfied, Is.True, report.ToString);
    }

    [TestCaseSource(nameof(Programs))]
    public void EveryShardSatisfiesTheMachine(string name)
    {
        var (program, result) = GuestRun.Record(name);
        using (result)
        {
            var report = ConstraintChecker.CheckRecords(Rv32imMachine.Create(program), program, result.Shards);
            Assert.That(report.IsSatisfied, Is.True, report.ToString);
            Assert.That(result.ShardCount, Is.GreaterThanOrEqualTo(2), "the global buses must connect shards");
        }
    }

    // Auto runs the AVX-512 build of the kernels where the processor has it; the portable build is checked as well.
    [TestCase("fibonacci", CpuKernelBuild.Auto)]
    [TestCase("hints", CpuKernelBuild.Auto)]
    [TestCase("insn_test", CpuKernelBuild.Auto)]
    [TestCase("memory", CpuKernelBuild.Auto)]
    [TestCase("insn_test", CpuKernelBuild.Portable)]
    [TestCase("memory", CpuKernelBuild.Portable)]
    public void CpuBackendTracesEqualHostTraces(string name, CpuKernelBuild build)
    {
        var (program, result) = GuestRun.Record(name);
        using (result)
        {
            var machine = Rv32imMachine.Create(program);
            using var accelerator = Accelerators.Cpu(new CpuAcceleratorOptions { Kernels = build });
            using var semaphore = new ProverSemaphore();
            var generator = new TraceGenerator<ExecutionRecord, Program>(machine, accelerator, semaphore, new TraceGeneratorOptions { Backend = TraceBackend.Cpu });
            using (var preprocessed = generator.GeneratePreprocessedTracesAsync(program).GetAwaiter().GetResult())
            {
                foreach (var (chip, trace) in preprocessed.Traces)
                {
                    TraceEquality.AssertEqual(chip + " (preprocessed)", machine.ByName(chip).GenerateHostPreprocessedTrace(program), trace.Inner!);
                }
            }

            foreach (var record in result.Shards)
            {
                using var traces = generator.GenerateMainTracesAsync(record).GetAwaiter().GetResult();
                foreach (var (chip, trace) in traces.Traces.Where(t => !t.Value.IsVirtualZero))
                {
                    TraceEquality.AssertEqual($"{chip} in shard {record.Shard}", machine.ByName(chip).GenerateHostMainTrace(record), trace.Inner!);
                }

                Assert.That(traces.Traces.Keys, Does.Contain("Cpu"));
            }
        }
    }
}
