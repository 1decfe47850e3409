using System.Diagnostics;
using StarkGpu.Engine.Checking;
using StarkGpu.Engine.Chips;
using StarkGpu.Engine.SelfTest.Toy;

namespace StarkGpu.Engine.Tests.Checking;

public sealed class CheckerAllocationTests
{
    [Test]
    public void CheckingARowAllocatesNothing()
    {
        const int Rows = 1 << 17;
        var machine = ToyMachines.Create();
        var record = ToyMachines.OneShard([.. Enumerable.Range(0, Rows).Select(i => (uint)(i % 256))]);
        var preprocessed = new Dictionary<string, HostTrace> { ["ByteTable"] = new ByteTableChip().GenerateHostPreprocessedTrace(new ToyProgram()) };
        ShardTraces[] shards = [new(0, machine.IncludedChips(record).ToDictionary(c => c.Name, c => c.GenerateHostMainTrace(record)))];
        ConstraintChecker.Check(machine, preprocessed, shards); // JIT and first-use allocations

        var before = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();
        var report = ConstraintChecker.Check(machine, preprocessed, shards);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.That(report.IsSatisfied, Is.True, report.ToString);
        TestContext.Out.WriteLine($"{2 * Rows + 256} rows in {clock.Elapsed.TotalMilliseconds:F0} ms, {allocated} bytes allocated");
        // Under one byte per row: the only allocations are the tuple tables, whatever the height.
        Assert.That(allocated, Is.LessThan(Rows), "bytes allocated while checking 2 x 2^17 rows");
    }
}
