using System.Buffers;
using CommunityToolkit.HighPerformance;
using StarkGpu.Device;
using StarkGpu.Device.Counting;
using StarkGpu.Rv32im.Chips.Rows;
using StarkGpu.Engine.Air;
using StarkGpu.Engine.Chips;
using StarkGpu.Fields;
using StarkGpu.Rv32im.Chips.Cpu;
using StarkGpu.Rv32im.Events;
using static StarkGpu.Rv32im.Chips.ProgramTable.ProgramColumns;
using ElfProgram = StarkGpu.Rv32im.Elf.Program;

namespace StarkGpu.Rv32im.Chips.ProgramTable;

/// <summary>
/// The committed program: a preprocessed row per instruction of <see cref="ElfProgram.Instructions"/> (row i is
/// the instruction at CodeBase + 4 i) holding its <see cref="Rv32imBuses.Program"/> tuple, and a main
/// multiplicity column counting how many Cpu rows of the shard executed it. Each row receives its tuple with that
/// multiplicity, so every instruction the Cpu chip sends must be one of the program's, at its own pc.
/// </summary>
/// <remarks>
/// On the device the Cpu chip's kernel counts the pcs while it writes the Cpu trace (<see cref="ProgramScratch"/>), so
/// the 108-byte Cpu events are not read again for this one small column; the host pass reads every one of them, with
/// the same row writer (<see cref="CpuRows"/>, table <see cref="ProgramCounts.Table"/>).
/// </remarks>
public sealed class ProgramChip : Chip<ExecutionRecord, ElfProgram>
{
    public const string ChipName = "Program";

    private readonly ElfProgram _program;

    /// <param name="program">The program whose instructions the main trace counts (it fixes the main height).</param>
    public ProgramChip(ElfProgram program)
    {
        ArgumentNullException.ThrowIfNull(program);
        _program = program;
    }

    public override string Name => ChipName;

    public override int Width => ProgramColumns.Width;

    public override int PreprocessedWidth => ProgramColumns.PreprocessedWidth;

    public override void Eval<TExpr>(IAirBuilder<TExpr> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);

        // The multiplicity needs no constraint: whatever the prover puts there must be matched by as many Cpu
        // sends of the same tuple, and an all-zero padding row receives nothing.
        var tuple = new TExpr[ProgramBus.TupleLength];
        for (var i = 0; i < tuple.Length; i++)
        {
            tuple[i] = builder.PreprocessedLocal(i);
        }

        ProgramBus.Receive(
            builder,
            tuple,
            builder.Local(Multiplicity));
    }

    public override bool Included(ExecutionRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return record.Cpu.Count > 0;
    }

    public override int MainHeight(ExecutionRecord record) => _program.Instructions.Length;

    public override bool SupportsDeviceMainTracegen => true;

    /// <summary>After the Cpu chip, which may count the pcs for it.</summary>
    public override int DeviceOrder => 1;

    /// <summary>Adds the instruction counters (<see cref="ProgramScratch"/>) for the Cpu chip's kernel to fill.</summary>
    public override void PrepareDeviceMainTrace(ExecutionRecord record, DeviceTraceContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Add(NewScratch(context.Stream));
    }

    /// <summary>On its own: a context of its own, so the pcs are counted here.</summary>
    public override void GenerateDeviceMainTrace(ExecutionRecord record, DeviceStream stream, DeviceMle<KoalaBear> output)
    {
        using var context = new DeviceTraceContext(stream);
        GenerateDeviceMainTrace(record, context, output);
    }

    /// <summary>The multiplicities from the counters, counting the pcs first unless the Cpu chip's kernel did.</summary>
    /// <exception cref="PcOutsideProgramException">A Cpu event's pc is misaligned or outside the code.</exception>
    public override void GenerateDeviceMainTrace(ExecutionRecord record, DeviceTraceContext context, DeviceMle<KoalaBear> output)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(output);
        var stream = context.Stream;
        var scratch = context.Find<ProgramScratch>() ?? context.Add(NewScratch(stream));
        if (scratch.Claim() is { } table)
        {
            // The Cpu chip did not count its rows' pcs while writing its trace: count them now. Rows the Cpu writer
            // refuses are the Cpu chip's to report; a pc outside the program is this chip's.
            scratch.CountedOutside(DeviceRows.Count<CpuRows, CpuEvent>(stream, record.Cpu.Memory, null, table).ProgramErrors);
        }

        if (scratch.OutsideCount != 0)
        {
            throw scratch.OutsideProgram(record);
        }

        DeviceCounting.SumSets<KoalaBear>(stream, scratch.Counts.View, scratch.Sets, output.Cells);
    }

    private ProgramScratch NewScratch(DeviceStream stream) => new(stream, _program.CodeBase, _program.Instructions.Length, FirstOutsideProgram);

    public override int PreprocessedHeight(ElfProgram program)
    {
        ArgumentNullException.ThrowIfNull(program);
        return program.Instructions.Length;
    }

    /// <exception cref="ArgumentException"><paramref name="program"/> does not have the constructor's code layout.</exception>
    public override void GeneratePreprocessedTrace(ElfProgram program, Span2D<KoalaBear> rows)
    {
        ArgumentNullException.ThrowIfNull(program);

        // The main trace counts rows of the constructor's program: a different code layout would pair counts
        // with the wrong instructions.
        if (program.CodeBase != _program.CodeBase || program.Instructions.Length != _program.Instructions.Length)
        {
            throw new ArgumentException(
                $"chip {Name} was built for code at 0x{_program.CodeBase:x8} with {_program.Instructions.Length} instructions, " +
                $"not 0x{program.CodeBase:x8} with {program.Instructions.Length}",
                nameof(program));
        }

        var instructions = program.Instructions;
        for (var i = 0; i < instructions.Length; i++)
        {
            ProgramBus.Write(program.CodeBase + (4 * (uint)i), in instructions[i], rows.GetRowSpan(i));
        }
    }

    /// <summary>The multiplicities, counted by the Cpu row writer over the Cpu events (<see cref="ProgramCounts"/>).</summary>
    /// <exception cref="PcOutsideProgramException">A Cpu event's pc is misaligned or outside the code.</exception>
    public override void GenerateMainTrace(ExecutionRecord record, Span2D<KoalaBear> rows)
    {
        var rented = ArrayPool<uint>.Shared.Rent(Math.Max(_program.Instructions.Length, 1));
        try
        {
            var counts = Counts(record, rented);

            // Counts stay far below p: a shard holds fewer than p events.
            for (var i = 0; i < counts.Length; i++)
            {
                rows[i, Multiplicity] = KoalaBear.FromCanonical(counts[i]);
            }
        }
        finally
        {
            ArrayPool<uint>.Shared.Return(rented);
        }
    }

    /// <summary>One column: the counts, converted.</summary>
    public override bool SupportsHostColumnTracegen => true;

    public override void GenerateMainTraceColumns(ExecutionRecord record, Span<KoalaBear> columns)
    {
        var rented = ArrayPool<uint>.Shared.Rent(Math.Max(_program.Instructions.Length, 1));
        try
        {
            var counts = Counts(record, rented);
            for (var i = 0; i < counts.Length; i++)
            {
                columns[i] = KoalaBear.FromCanonical(counts[i]);
            }
        }
        finally
        {
            ArrayPool<uint>.Shared.Return(rented);
        }
    }

    /// <summary>Adds the host counters (<see cref="HostProgramScratch"/>) the Cpu chip's column job counts its pcs into.</summary>
    public override void PrepareMainTraceColumns(ExecutionRecord record, DeviceTraceContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Add(new HostProgramScratch(_program.CodeBase, _program.Instructions.Length, FirstOutsideProgram));
    }

    /// <summary>The multiplicities from the sets the Cpu chip counted into while writing its trace, or counted now.</summary>
    public override void GenerateMainTraceColumns(ExecutionRecord record, DeviceTraceContext context, Span<KoalaBear> columns)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Find<HostProgramScratch>() is not { Claimed: true } scratch)
        {
            GenerateMainTraceColumns(record, columns);
            return;
        }

        if (scratch.OutsideCount != 0)
        {
            throw scratch.OutsideProgram(record);
        }

        var rented = ArrayPool<uint>.Shared.Rent(Math.Max(_program.Instructions.Length, 1));
        try
        {
            var counts = rented.AsSpan(0, _program.Instructions.Length);
            counts.Clear();
            scratch.Sets.SumInto(1, counts);
            for (var i = 0; i < counts.Length; i++)
            {
                columns[i] = KoalaBear.FromCanonical(counts[i]);
            }
        }
        finally
        {
            ArrayPool<uint>.Shared.Return(rented);
        }
    }

    /// <summary>The pcs of the record's Cpu events counted into the first cells of <paramref name="rented"/>.</summary>
    private Span<uint> Counts(ExecutionRecord record, uint[] rented)
    {
        ArgumentNullException.ThrowIfNull(record);
        var counts = rented.AsSpan(0, _program.Instructions.Length);
        counts.Clear();
        var bad = ProgramCounts.CountOnHost(record.Cpu.Span, _program.CodeBase, counts);
        return bad >= 0 ? throw OutsideProgram(record.Shard, (int)bad, record.Cpu[(int)bad].Pc) : counts;
    }

    /// <summary>The error for the first Cpu event whose pc has no instruction (found on the host after a device count failed).</summary>
    private Exception FirstOutsideProgram(ExecutionRecord record)
    {
        var rented = ArrayPool<uint>.Shared.Rent(Math.Max(_program.Instructions.Length, 1));
        try
        {
            var bad = ProgramCounts.CountOnHost(record.Cpu.Span, _program.CodeBase, rented.AsSpan(0, _program.Instructions.Length));
            return bad >= 0
                ? OutsideProgram(record.Shard, (int)bad, record.Cpu[(int)bad].Pc)
                : new InvalidOperationException($"chip {Name}: the device counted a pc outside the program that the host does not find");
        }
        finally
        {
            ArrayPool<uint>.Shared.Return(rented);
        }
    }

    private PcOutsideProgramException OutsideProgram(uint shard, int eventIndex, uint pc)
    {
        var reason = (pc & 3) != 0
            ? "which is not 4-aligned"
            : $"outside the program's code [0x{_program.CodeBase:x8}, 0x{_program.CodeEnd:x8})";
        return new PcOutsideProgramException(Name, shard, eventIndex, pc, reason);
    }
}
