using StarkGpu.Engine.Checking;
using StarkGpu.Engine.Chips;
using StarkGpu.Engine.Equality;
using StarkGpu.Engine.SelfTest.Toy;

namespace StarkGpu.Engine.SelfTest;

/// <summary>
/// Preprocessed and main traces under one permit: every MLE equals the chip's host trace bit for bit,
/// the downloaded traces pass the constraint checker with balanced buses, chips of the cluster that the
/// record does not use are virtual zeros, and disposing the result frees everything.
/// </summary>
public sealed class TracesMatchHostScenario(bool onHost) : EngineScenario("traces-match-host", onHost)
{
    protected override string Execute(ScenarioContext context)
    {
        var generator = context.Generator();
        var machine = generator.Machine;
        var program = new ToyProgram();
        var record = context.RandomRecord();
        var squaresOnly = ToyMachines.SquaresOnly(record);

        int compared = 0;
        using (var traces = generator.GenerateTracesAsync(program, record).GetAwaiter().GetResult())
        {
            Check(context.Semaphore.Available == 0, "the result does not hold the permit");
            foreach (var (name, mle) in traces.Main.Traces)
            {
                var chip = machine.ByName(name);
                Check(mle.Inner is not null, $"chip {name} of the record came back as a virtual zero MLE");
                TraceEquality.AssertEqual(name, chip.GenerateHostMainTrace(record), mle.Inner!);
                compared++;
            }

            foreach (var (name, mle) in traces.PreprocessedTraces)
            {
                TraceEquality.AssertEqual(name, machine.ByName(name).GenerateHostPreprocessedTrace(program), mle.Inner!);
                compared++;
            }

            var main = traces.Main.Traces.ToDictionary(t => t.Key, t => HostTrace.FromDevice(t.Value.Inner!));
            var preprocessed = traces.PreprocessedTraces.ToDictionary(t => t.Key, t => HostTrace.FromDevice(t.Value.Inner!));
            var report = ConstraintChecker.Check(machine, preprocessed, [new ShardTraces(record.ShardIndex, main, generator.Options.MaxLogRowCount, record.PublicValues.ToArray())]);
            Check(report.IsSatisfied, $"the generated traces fail the checker: {report}");
        }

        // A record of squares only on a machine whose one cluster has every chip: Accumulate must come
        // back as a virtual zero MLE that owns no memory.
        var oneCluster = context.Generator(clusters: [ToyMachines.AllChipsCluster]);
        var liveBefore = context.Accelerator.Ledger.LiveBytes;
        using (var traces = oneCluster.GenerateMainTracesAsync(squaresOnly).GetAwaiter().GetResult())
        {
            Check(traces.ShardChips.SequenceEqual(["Accumulate", "ByteTable", "Square"]), $"shard chips {string.Join(",", traces.ShardChips)}, expected all three");
            Check(traces.Traces["Accumulate"].IsVirtualZero, "Accumulate is not in the record but got a real MLE");
            var expectedBytes = traces.Traces.Values.Where(t => !t.IsVirtualZero).Sum(t => (long)t.Height * t.Width * sizeof(uint));
            Check(context.Accelerator.Ledger.LiveBytes - liveBefore == expectedBytes, "device memory held is not exactly the real traces");
        }

        return $"{compared} traces bit-identical to the host ({record.Squares.Count} events), checker satisfied";
    }
}
