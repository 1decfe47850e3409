using CommunityToolkit.HighPerformance;
using StarkGpu.Fields;
using StarkGpu.Kernels.Counting;
using StarkGpu.Kernels.Host;
using StarkGpu.Kernels.Traces;
using StarkGpu.Rv32im.Chips.ByteLookup;
using StarkGpu.Rv32im.Events;

namespace StarkGpu.Rv32im.Chips.Alu.Shared;

/// <summary>An ALU chip whose rows and lookups come from one row writer, <typeparamref name="TWriter"/> (host and device alike).</summary>
public abstract class AluRowChip<TWriter> : AluChip
    where TWriter : struct, IRowWriter<AluEvent>
{
    public override void GenerateMainTrace(ExecutionRecord record, Span2D<KoalaBear> rows)
    {
        var events = Events(record).Span;
        if (!rows.TryGetSpan(out var cells))
        {
            throw new ArgumentException("the trace rows must be contiguous", nameof(rows));
        }

        var counters = default(NoCounters);
        var bad = HostRows.WriteRowMajor<TWriter, AluEvent, NoCounters>(events, cells, ref counters);
        if (bad >= 0)
        {
            throw new InvalidOperationException($"chip {Name}, row {bad}: {DescribeRow(record, (int)bad)} cannot be a row of the chip");
        }
    }

    public override void CountByteLookups(ExecutionRecord record, ByteLookupCounter counter) =>
        ByteLookupCounts.CountOnHost<TWriter, AluEvent>(Name, Events(record).Span, counter);
}
