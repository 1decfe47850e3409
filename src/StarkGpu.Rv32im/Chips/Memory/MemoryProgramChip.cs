using CommunityToolkit.HighPerformance;
using StarkGpu.Engine.Air;
using StarkGpu.Engine.Chips;
using StarkGpu.Fields;
using StarkGpu.Rv32im.Chips.Alu.Shared;
using StarkGpu.Rv32im.Elf;
using StarkGpu.Rv32im.Events;
using static StarkGpu.Rv32im.Chips.Memory.MemoryProgramColumns;

namespace StarkGpu.Rv32im.Chips.Memory;

/// <summary>
/// The initial state of the program image: a preprocessed row per <see cref="Program.Image"/> word (address,
/// value, is_image), committed with the program, and a main is_real column equal to is_image in the last shard and
/// 0 in every other one (public value <see cref="PublicValueIndex.IsLastShard"/>). Each real row sends
/// (address, 0, 0, value) on <see cref="Rv32imBuses.MemoryGlobal"/>.
/// </summary>
/// <remarks>
/// As SP1 v3 gates its MemoryProgram by "shard == 1", the rows are real in exactly one shard, the one the public
/// values name: rows left out there would let MemoryInit give the image words other initial values, and rows real
/// in another shard would open their words' chains there. Host only: a few thousand rows, once per execution.
/// </remarks>
public sealed class MemoryProgramChip : Chip<ExecutionRecord, Program>
{
    public const string ChipName = "MemoryProgram";

    private readonly Program _program;

    /// <param name="program">The program whose image the chip initialises (it fixes the main height).</param>
    public MemoryProgramChip(Program program)
    {
        ArgumentNullException.ThrowIfNull(program);
        _program = program;
    }

    public override string Name => ChipName;

    public override int Width => MemoryProgramColumns.Width;

    public override int PreprocessedWidth => MemoryProgramColumns.PreprocessedWidth;

    public override void Eval<TExpr>(IAirBuilder<TExpr> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var isReal = builder.Local(IsReal);
        TExpr[] value =
        [
            builder.PreprocessedLocal(Value), builder.PreprocessedLocal(Value + 1),
            builder.PreprocessedLocal(Value + 2), builder.PreprocessedLocal(Value + 3),
        ];

        builder.AssertBool("is_real is boolean", isReal);
        builder.AssertEqual(
            "is_real = is_image * is_last_shard", isReal, builder.PreprocessedLocal(IsImage) * builder.PublicValue(PublicValueIndex.IsLastShard));
        MemoryBus.Send(builder, Rv32imBuses.MemoryGlobal, builder.PreprocessedLocal(Address), TExpr.Zero, TExpr.Zero, value, isReal);
    }

    /// <summary>The shard with the memory boundary (its finalize events) is the one that initialises the image.</summary>
    public override bool Included(ExecutionRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return record.MemoryFinalize.Count > 0 && !_program.Image.IsEmpty;
    }

    public override int MainHeight(ExecutionRecord record) => _program.Image.Length;

    public override int PreprocessedHeight(Program program)
    {
        ArgumentNullException.ThrowIfNull(program);
        return program.Image.Length;
    }

    /// <exception cref="ArgumentException"><paramref name="program"/> does not have the constructor's image.</exception>
    public override void GeneratePreprocessedTrace(Program program, Span2D<KoalaBear> rows)
    {
        ArgumentNullException.ThrowIfNull(program);

        // The main trace marks rows of the constructor's image: another image would pair them with other words.
        if (!ReferenceEquals(program, _program) && !program.Image.SequenceEqual(_program.Image))
        {
            throw new ArgumentException(
                $"chip {Name} was built for a program with {_program.Image.Length} image words; this program's image differs ({program.Image.Length} words)",
                nameof(program));
        }

        var image = program.Image;
        for (var i = 0; i < image.Length; i++)
        {
            var row = rows.GetRowSpan(i);
            row[Address] = KoalaBear.FromCanonical(image[i].Address);
            WordLimbs.Write(image[i].Value, row[Value..]);
            row[IsImage] = KoalaBear.One;
        }
    }

    /// <exception cref="MemoryEventsException">The record's memory boundary does not belong to the chip's program.</exception>
    public override void GenerateMainTrace(ExecutionRecord record, Span2D<KoalaBear> rows)
    {
        ArgumentNullException.ThrowIfNull(record);
        CheckBoundary(record);

        // The boundary lies in the last shard, so every row is real there; the rows an honest prover writes for
        // any other record are not.
        var isReal = KoalaBear.FromCanonical(record.PublicValues.IsLastShard);
        for (var i = 0; i < rows.Height; i++)
        {
            rows[i, IsReal] = isReal;
        }
    }

    // Every image word must have a final state (untouched ones keep their image value) and no MemoryInit event: a
    // boundary that fails this was recorded for another program, and the bus would not balance. One merge pass
    // over the sorted lists.
    private void CheckBoundary(ExecutionRecord record)
    {
        var image = _program.Image;
        var finals = record.MemoryFinalize.Span;
        var inits = record.MemoryInitialize.Span;
        int f = 0, n = 0;
        for (var i = 0; i < image.Length; i++)
        {
            var word = image[i];
            while (f < finals.Length && finals[f].Address < word.Address)
            {
                f++;
            }

            if (f == finals.Length || finals[f].Address != word.Address)
            {
                throw Mismatch(record, i, word, "has no final state in the record's memory boundary");
            }

            if (finals[f].Shard == 0 && finals[f].Timestamp == 0 && finals[f].Value != word.Value)
            {
                throw Mismatch(record, i, word, $"is never accessed but its final value is 0x{finals[f].Value:x8}");
            }

            while (n < inits.Length && inits[n].Address < word.Address)
            {
                n++;
            }

            if (n < inits.Length && inits[n].Address == word.Address)
            {
                throw Mismatch(record, i, word, "also has a MemoryInit event");
            }
        }
    }

    private static MemoryEventsException Mismatch(ExecutionRecord record, int row, MemoryImageWord word, string problem) =>
        new(ChipName, record.Shard, row, $"image word 0x{word.Address:x8} = 0x{word.Value:x8} {problem}: the record is not from this chip's program");
}
