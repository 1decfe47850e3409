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

    // The cpu backend (ILGPU's CPU accelerator running the kernels) and the host backend (row writers into column-major
    // tiles on the thread pool) against the row-major host traces, with 2 and 4 worker threads.
    [TestCase("fibonacci", TraceBackend.Cpu, 2)]
    [TestCase("hints", TraceBackend.Cpu, 2)]
    [TestCase("insn_test", TraceBackend.Cpu, 2)]
    [TestCase("memory", TraceBackend.Cpu, 2)]
    [TestCase("insn_test", TraceBackend.Cpu, 4)]
    [TestCase("memory", TraceBackend.Cpu, 4)]
    [TestCase("insn_test", TraceBackend.Host, 2)]
    [TestCase("memory", TraceBackend.Host, 2)]
    [TestCase("hints", TraceBackend.Host, 4)]
    public void BackendTracesEqualHostTraces(string name, TraceBackend backend, int threads)
    {
        var (program, result) = GuestRun.Record(name);
        using (result)
        {
            var machine = Rv32imMachine.Create(program);
            using var accelerator = Accelerators.Cpu(new CpuAcceleratorOptions { Threads = threads });
            using var semaphore = new ProverSemaphore();
            var generator = new TraceGenerator<ExecutionRecord, Program>(machine, accelerator, semaphore, new TraceGeneratorOptions { Backend = backend });
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
