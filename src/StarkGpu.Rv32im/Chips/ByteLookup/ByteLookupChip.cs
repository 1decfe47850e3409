using System.Buffers;
using CommunityToolkit.HighPerformance;
using StarkGpu.Device;
using StarkGpu.Device.Counting;
using StarkGpu.Engine.Air;
using StarkGpu.Engine.Chips;
using StarkGpu.Fields;
using StarkGpu.Rv32im.Elf;
using StarkGpu.Rv32im.Events;

namespace StarkGpu.Rv32im.Chips.ByteLookup;

/// <summary>
/// The byte operation table: a preprocessed row per byte pair (b, c) with the result of every
/// <see cref="ByteOpcode"/>, and a main multiplicity column per opcode holding how many times the shard's other
/// chips looked that row up. Each row receives (op, result_op(b, c), b, c) with multiplicity mult_op.
/// The multiplicities are counted from the record by the <see cref="IByteLookupSource"/> contributors given to
/// the constructor (the machine decides which chips those are).
/// </summary>
public sealed class ByteLookupChip : Chip<ExecutionRecord, Program>
{
    public const string ChipName = "ByteLookup";

    private readonly IByteLookupSource[] _sources;

    public ByteLookupChip(IEnumerable<IByteLookupSource> sources)
    {
        ArgumentNullException.ThrowIfNull(sources);
        _sources = [.. sources];
    }

    /// <summary>The chips whose lookups this table receives.</summary>
    public IReadOnlyList<IByteLookupSource> Sources => _sources;

    public override string Name => ChipName;

    public override int Width => ByteLookupColumns.Width;

    public override int PreprocessedWidth => ByteLookupColumns.PreprocessedWidth;

    public override bool SupportsDeviceMainTracegen => true;

    public override bool SupportsDevicePreprocessedTracegen => true;

    public override void Eval<TExpr>(IAirBuilder<TExpr> builder)
    {
        var b = builder.PreprocessedLocal(ByteLookupColumns.B);
        var c = builder.PreprocessedLocal(ByteLookupColumns.C);
        for (var op = 0; op < ByteLookupTable.OpcodeCount; op++)
        {
            var opcode = (ByteOpcode)op;
            var resultColumn = ByteLookupColumns.Result(opcode);
            var result = resultColumn < 0 ? TExpr.Zero : builder.PreprocessedLocal(resultColumn);
            builder.Receive(
                Rv32imBuses.Byte,
                [ByteLookupBus.Opcode<TExpr>(opcode), result, b, c],
                builder.Local(ByteLookupColumns.Multiplicity(opcode)));
        }
    }

    public override bool Included(ExecutionRecord record) => _sources.Any(s => s.Included(record));

    public override int MainHeight(ExecutionRecord record) => ByteLookupTable.Rows;

    public override int PreprocessedHeight(Program program) => ByteLookupTable.Rows;

    public override void GeneratePreprocessedTrace(Program program, Span2D<KoalaBear> rows) => WriteTable(rows);

    /// <summary>Writes the preprocessed table (it does not depend on the program), row-major, given zeroed.</summary>
    public static void WriteTable(Span2D<KoalaBear> rows)
    {
        for (uint b = 0; b < 256; b++)
        {
            for (uint c = 0; c < 256; c++)
            {
                var row = rows.GetRowSpan(ByteLookupTable.Row(b, c));
                row[ByteLookupColumns.B] = KoalaBear.FromCanonical(b);
                row[ByteLookupColumns.C] = KoalaBear.FromCanonical(c);
                row[ByteLookupColumns.And] = KoalaBear.FromCanonical(ByteLookupTable.Result(ByteOpcode.And, b, c));
                row[ByteLookupColumns.Or] = KoalaBear.FromCanonical(ByteLookupTable.Result(ByteOpcode.Or, b, c));
                row[ByteLookupColumns.Xor] = KoalaBear.FromCanonical(ByteLookupTable.Result(ByteOpcode.Xor, b, c));
                row[ByteLookupColumns.Ltu] = KoalaBear.FromCanonical(ByteLookupTable.Result(ByteOpcode.Ltu, b, c));
                row[ByteLookupColumns.Msb] = KoalaBear.FromCanonical(ByteLookupTable.Result(ByteOpcode.Msb, b, c));
            }
        }
    }

    public override void GenerateDevicePreprocessedTrace(Program program, DeviceStream stream, DeviceMle<KoalaBear> output)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(output);
        CheckShape(output, ByteLookupColumns.PreprocessedWidth);
        var range = stream.Accelerator.Range(output.Height);
        stream.Launch(ByteTableKernel.Write, range.Workers, output.Cells, range);
    }

    public override void GenerateMainTrace(ExecutionRecord record, Span2D<KoalaBear> rows)
    {
        var rented = ArrayPool<uint>.Shared.Rent(ByteLookupTable.CountCells);
        try
        {
            var counts = CountAllOnHost(record, rented);
            for (var op = 0; op < ByteLookupTable.OpcodeCount; op++)
            {
                var column = counts.Slice(op * ByteLookupTable.Rows, ByteLookupTable.Rows);
                for (var row = 0; row < ByteLookupTable.Rows; row++)
                {
                    rows[row, op] = Multiplicity(column[row]);
                }
            }
        }
        finally
        {
            ArrayPool<uint>.Shared.Return(rented);
        }
    }

    /// <summary>The counts are op-major, which is the trace's column-major layout: converted in place, no transpose.</summary>
    public override bool SupportsHostColumnTracegen => true;

    public override void GenerateMainTraceColumns(ExecutionRecord record, Span<KoalaBear> columns) => WriteColumns(record, columns, null);

    /// <summary>Adds the host counters (<see cref="HostByteLookupScratch"/>) its sources' column jobs count into.</summary>
    public override void PrepareMainTraceColumns(ExecutionRecord record, DeviceTraceContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Add(new HostByteLookupScratch(_sources.Where(s => s.Included(record))));
    }

    /// <summary>The multiplicities from the sets its sources counted into while writing their traces, plus the others' counts.</summary>
    public override void GenerateMainTraceColumns(ExecutionRecord record, DeviceTraceContext context, Span<KoalaBear> columns)
    {
        ArgumentNullException.ThrowIfNull(context);
        WriteColumns(record, columns, context.Find<HostByteLookupScratch>());
    }

    /// <summary>The multiplicity columns from <see cref="CountAllOnHost"/>.</summary>
    private void WriteColumns(ExecutionRecord record, Span<KoalaBear> columns, HostByteLookupScratch? counted)
    {
        var rented = ArrayPool<uint>.Shared.Rent(ByteLookupTable.CountCells);
        try
        {
            var counts = CountAllOnHost(record, rented, counted);
            for (var i = 0; i < counts.Length; i++)
            {
                columns[i] = Multiplicity(counts[i]);
            }
        }
        finally
        {
            ArrayPool<uint>.Shared.Return(rented);
        }
    }

    /// <summary>
    /// Every included source's lookups in the first cells of <paramref name="rented"/>: the sets of
    /// <paramref name="counted"/> summed, and the sources that did not count into them counted on the host now.
    /// </summary>
    private Span<uint> CountAllOnHost(ExecutionRecord record, uint[] rented, HostByteLookupScratch? counted = null)
    {
        var counts = rented.AsSpan(0, ByteLookupTable.CountCells);
        counts.Clear();
        counted?.Sets.SumInto(0, counts);
        foreach (var source in _sources)
        {
            if (source.Included(record) && counted?.Counted(source) != true)
            {
                CountOnHost(source, record, new ByteLookupCounter(counts));
            }
        }

        return counts;
    }

    /// <summary>After every source: they may count into this chip's counters while writing their own traces.</summary>
    public override int DeviceOrder => 1;

    /// <summary>Adds the counters (<see cref="ByteLookupScratch"/>) for the sources that count on the device.</summary>
    public override void PrepareDeviceMainTrace(ExecutionRecord record, DeviceTraceContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Add(new ByteLookupScratch(context.Stream, DeviceSources(record)));
    }

    /// <summary>On its own: a context of its own, so every source is counted here.</summary>
    public override void GenerateDeviceMainTrace(ExecutionRecord record, DeviceStream stream, DeviceMle<KoalaBear> output)
    {
        using var context = new DeviceTraceContext(stream);
        GenerateDeviceMainTrace(record, context, output);
    }

    /// <summary>
    /// The multiplicities from the device counters. Sources that counted while writing their traces have added to
    /// them already; every other device source adds with its counting kernel now; sources without device counting are
    /// counted on the host into the counters' last set. One kernel then sums the sets into the trace as field
    /// elements. Counts are integers, so any order of additions gives the host's result bit for bit.
    /// </summary>
    /// <exception cref="ByteLookupRangeException">A source looked up a row outside the table (thrown by the source's own launch).</exception>
    public override void GenerateDeviceMainTrace(ExecutionRecord record, DeviceTraceContext context, DeviceMle<KoalaBear> output)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(output);
        CheckShape(output, ByteLookupColumns.Width);
        var stream = context.Stream;
        var scratch = context.Find<ByteLookupScratch>() ?? context.Add(new ByteLookupScratch(stream, DeviceSources(record)));
        foreach (var source in scratch.Sources)
        {
            if (scratch.Claim(source) is { } counts)
            {
                source.CountByteLookupsOnDevice(record, stream, counts);
            }
        }

        SeedWithHostCounts(record, stream, scratch, [.. _sources.Where(s => s.Included(record) && !s.SupportsDeviceByteLookupCounting)]);
        DeviceCounting.SumSets<KoalaBear>(stream, scratch.Counts.View, scratch.KernelSets + 1, output.Cells);
    }

    private IByteLookupSource[] DeviceSources(ExecutionRecord record) =>
        [.. _sources.Where(s => s.Included(record) && s.SupportsDeviceByteLookupCounting)];

    private static void SeedWithHostCounts(ExecutionRecord record, DeviceStream stream, ByteLookupScratch scratch, IByteLookupSource[] hostSources)
    {
        if (hostSources.Length == 0)
        {
            return;
        }

        var rented = ArrayPool<uint>.Shared.Rent(ByteLookupTable.CountCells);
        try
        {
            var hostCounts = rented.AsSpan(0, ByteLookupTable.CountCells);
            hostCounts.Clear();
            foreach (var source in hostSources)
            {
                CountOnHost(source, record, new ByteLookupCounter(hostCounts));
            }

            stream.CopyToDevice<uint>(hostCounts, scratch.Counts, (long)scratch.KernelSets * ByteLookupTable.CountCells); // the set no kernel writes
        }
        finally
        {
            ArrayPool<uint>.Shared.Return(rented);
        }
    }

    private static void CountOnHost(IByteLookupSource source, ExecutionRecord record, ByteLookupCounter counter)
    {
        try
        {
            source.CountByteLookups(record, counter);
        }
        catch (ArgumentOutOfRangeException e)
        {
            throw new ByteLookupRangeException(source.Name, e.Message, e);
        }
    }

    // A count reaches p only past 2^31 lookups of one row; reduce anyway so that any count is a field element,
    // exactly as the kernel does.
    private static KoalaBear Multiplicity(uint count) => KoalaBear.FromCanonical(count % KoalaBear.Modulus);

    private void CheckShape(DeviceMle<KoalaBear> output, int width)
    {
        if (output.Width != width || output.Height != ByteLookupTable.Rows)
        {
            throw new ArgumentException($"chip {Name}: a {width} x {ByteLookupTable.Rows} trace is needed, not {output.Width} x {output.Height}", nameof(output));
        }
    }
}
