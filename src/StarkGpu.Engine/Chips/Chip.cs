using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using CommunityToolkit.HighPerformance;
using StarkGpu.Device;
using StarkGpu.Engine.Air;
using StarkGpu.Fields;

namespace StarkGpu.Engine.Chips;

/// <summary>
/// One table of a machine: an <see cref="IAir"/> (shape, constraints, interactions) plus the trace generation
/// that fills it from a shard's record and, for preprocessed columns, from the program. Every chip generates its
/// trace on the host; a chip that also has a kernel says so with <see cref="SupportsDeviceMainTracegen"/> and
/// must produce the same bits there (checked by <see cref="Equality.TraceEquality"/>).
/// </summary>
/// <remarks>
/// A trace holds only its real rows; a prover pads it to a power of two with rows that are all zero and never
/// stored, so an all-zero row must satisfy every constraint and contribute nothing to any bus.
/// </remarks>
[SuppressMessage(
    "Design",
    "CA1036:Override methods on comparable types",
    Justification = "Chips compare by name only to order a machine; equality stays reference identity.")]
public abstract class Chip<TRecord, TProgram> : IAir, IComparable<Chip<TRecord, TProgram>>
    where TRecord : IExecutionRecord
{
    public abstract string Name { get; }

    public abstract int Width { get; }

    public virtual int PreprocessedWidth => 0;

    public abstract void Eval<TExpr>(IAirBuilder<TExpr> builder) where TExpr : IAirExpression<TExpr>;

    /// <summary>Whether a shard with <paramref name="record"/> uses this chip at all.</summary>
    public abstract bool Included(TRecord record);

    /// <summary>Rows the main trace will have: real rows only, padding to 2^n is virtual zeros.</summary>
    public abstract int MainHeight(TRecord record);

    /// <summary>
    /// Writes the host main trace: row-major <c>[MainHeight x Width]</c>, given zeroed by the engine. Runs on a
    /// thread-pool thread, possibly alongside other chips on the same record: read the record, do not mutate it.
    /// </summary>
    public abstract void GenerateMainTrace(TRecord record, Span2D<KoalaBear> rows);

    public virtual bool SupportsDeviceMainTracegen => false;

    /// <summary>
    /// <see cref="GenerateMainTraceColumns(TRecord, Span{KoalaBear})"/> as the scheduler calls it for the host backend's
    /// column jobs of a call, with the scratch they share (host counters one chip fills for another's trace, as
    /// <see cref="GenerateDeviceMainTrace(TRecord, DeviceTraceContext, DeviceMle{KoalaBear})"/> does on the device).
    /// Column jobs run one at a time in <see cref="DeviceOrder"/> order, after every chip's
    /// <see cref="PrepareMainTraceColumns"/>.
    /// </summary>
    public virtual void GenerateMainTraceColumns(TRecord record, DeviceTraceContext context, Span<KoalaBear> columns) =>
        GenerateMainTraceColumns(record, columns);

    /// <summary>Called for every column job of a call before any runs: a consumer of host scratch adds it here.</summary>
    public virtual void PrepareMainTraceColumns(TRecord record, DeviceTraceContext context)
    {
    }

    /// <summary>
    /// Whether <see cref="GenerateMainTraceColumns"/> writes the column-major trace directly (a chip with a row writer:
    /// tiles converted with vector instructions, in parallel). Otherwise it is the row-major trace transposed.
    /// </summary>
    public virtual bool SupportsHostColumnTracegen => false;

    /// <summary>
    /// Writes the host main trace column-major, <c>[Width x MainHeight]</c> as a device trace is laid out, into
    /// <paramref name="columns"/> (contents undefined: every cell is written). The host backend writes device-capable
    /// chips' traces this way straight into device-visible memory. By default the row-major trace, transposed.
    /// </summary>
    public virtual void GenerateMainTraceColumns(TRecord record, Span<KoalaBear> columns)
    {
        ArgumentNullException.ThrowIfNull(record);
        var height = MainHeight(record);
        var cells = checked(height * Width);
        var rows = ArrayPool<KoalaBear>.Shared.Rent(Math.Max(cells, 1));
        try
        {
            Array.Clear(rows, 0, cells);
            GenerateMainTrace(record, new Span2D<KoalaBear>(rows, 0, height, Width, 0));
            HostLayout.RowsToColumns(rows.AsSpan(0, cells), height, Width, columns);
        }
        finally
        {
            ArrayPool<KoalaBear>.Shared.Return(rows);
        }
    }

    /// <summary>
    /// Writes the main trace on the device: column-major <paramref name="output"/> of <c>[Width x MainHeight]</c>,
    /// allocated (contents undefined) by the engine; all work goes on <paramref name="stream"/>.
    /// </summary>
    public virtual void GenerateDeviceMainTrace(TRecord record, DeviceStream stream, DeviceMle<KoalaBear> output) =>
        throw new NotSupportedException($"chip {Name} has no device main trace generation");

    /// <summary>
    /// <see cref="GenerateDeviceMainTrace(TRecord, DeviceStream, DeviceMle{KoalaBear})"/> as the scheduler calls it,
    /// with the scratch the call's device jobs share (<see cref="DeviceTraceContext"/>). By default it ignores the
    /// scratch; a chip whose kernel fills another chip's scratch, or whose trace is made from it, overrides this.
    /// </summary>
    public virtual void GenerateDeviceMainTrace(TRecord record, DeviceTraceContext context, DeviceMle<KoalaBear> output)
    {
        ArgumentNullException.ThrowIfNull(context);
        GenerateDeviceMainTrace(record, context.Stream, output);
    }

    /// <summary>
    /// Called for every chip with a device main trace in a call, before any device job of the call runs: a chip that
    /// consumes what other chips' kernels leave in the scratch adds that scratch here, so producers find it.
    /// </summary>
    public virtual void PrepareDeviceMainTrace(TRecord record, DeviceTraceContext context)
    {
    }

    /// <summary>
    /// Where the chip's device main trace (or host column job) runs among the call's jobs of its kind: in ascending
    /// order, then by name. A consumer of scratch (see <see cref="PrepareDeviceMainTrace"/>) orders itself after its producers.
    /// </summary>
    public virtual int DeviceOrder => 0;

    /// <summary>Rows of the preprocessed trace (zero when the chip has none).</summary>
    public virtual int PreprocessedHeight(TProgram program) => 0;

    /// <summary>Writes the host preprocessed trace, row-major <c>[PreprocessedHeight x PreprocessedWidth]</c>, given zeroed.</summary>
    public virtual void GeneratePreprocessedTrace(TProgram program, Span2D<KoalaBear> rows)
    {
    }

    public virtual bool SupportsDevicePreprocessedTracegen => false;

    /// <summary>As <see cref="GenerateDeviceMainTrace"/>, for the preprocessed trace.</summary>
    public virtual void GenerateDevicePreprocessedTrace(TProgram program, DeviceStream stream, DeviceMle<KoalaBear> output) =>
        throw new NotSupportedException($"chip {Name} has no device preprocessed trace generation");

    /// <summary>Allocates and fills the host main trace (tests, the checker, the host-only path).</summary>
    public HostTrace GenerateHostMainTrace(TRecord record)
    {
        var trace = HostTrace.Zeros(MainHeight(record), Width);
        GenerateMainTrace(record, trace.AsSpan2D());
        return trace;
    }

    /// <summary>Allocates and fills the host preprocessed trace.</summary>
    public HostTrace GenerateHostPreprocessedTrace(TProgram program)
    {
        var trace = HostTrace.Zeros(PreprocessedHeight(program), PreprocessedWidth);
        GeneratePreprocessedTrace(program, trace.AsSpan2D());
        return trace;
    }

    /// <summary>Ordinal by name, the order of chips in a machine.</summary>
    public int CompareTo(Chip<TRecord, TProgram>? other) => other is null ? 1 : string.CompareOrdinal(Name, other.Name);

    public override string ToString() => Name;
}
