using StarkGpu.Engine.Air;
using StarkGpu.Engine.Air.Symbolic;
using StarkGpu.Engine.Chips;
using StarkGpu.Fields;

namespace StarkGpu.Engine.Checking;

/// <summary>A constraint of the current row that did not vanish.</summary>
internal readonly record struct RowFailure(int ConstraintIndex, string Label, KoalaBear Value);

/// <summary>
/// The field-valued builder: evaluates a chip's constraints and interactions on one row of a padded domain. One
/// instance is reused for every row of every chip; a row allocates nothing (failures aside).
/// </summary>
internal sealed class RowEvaluator : IAirBuilder<AirValue>
{
    private const long ZeroRow = -1;

    private readonly List<RowFailure> _failures = [];
    private KoalaBear[] _main = [];
    private int _mainWidth;
    private int _mainHeight;
    private KoalaBear[] _preprocessed = [];
    private int _preprocessedWidth;
    private int _preprocessedHeight;
    private bool _checkConstraints;
    private IInteractionSink? _sink;
    private uint[] _tuple = new uint[16];
    private IReadOnlyList<KoalaBear> _publicValues = [];

    // Offsets of the current and next row in the traces, or ZeroRow for a padding row.
    private long _mainLocal;
    private long _mainNext;
    private long _preprocessedLocal;
    private long _preprocessedNext;
    private long _row;
    private long _rowCount;
    private int _constraintIndex;

    public IReadOnlyList<RowFailure> Failures => _failures;

    public AirValue IsFirstRow { get; private set; }

    public AirValue IsLastRow { get; private set; }

    public AirValue IsTransition { get; private set; }

    /// <summary>The public values the next chips' rows read (the checker validated their count).</summary>
    public void BeginShard(IReadOnlyList<KoalaBear> publicValues) => _publicValues = publicValues;

    /// <param name="preprocessed">Null for a chip without preprocessed columns.</param>
    /// <param name="checkConstraints">False to only replay interactions.</param>
    public void BeginChip(HostTrace main, HostTrace? preprocessed, bool checkConstraints, IInteractionSink sink)
    {
        _main = main.Values;
        _mainWidth = main.Width;
        _mainHeight = main.Height;
        _preprocessed = preprocessed?.Values ?? [];
        _preprocessedWidth = preprocessed?.Width ?? 0;
        _preprocessedHeight = preprocessed?.Height ?? 0;
        _checkConstraints = checkConstraints;
        _sink = sink;
    }

    /// <summary>Drops the references to the last chip's traces, so that a checked shard's traces can be collected.</summary>
    public void EndShard()
    {
        _main = [];
        _preprocessed = [];
        _sink = null;
    }

    /// <summary>Evaluates row <paramref name="row"/> of a domain of <paramref name="domainRows"/> rows.</summary>
    /// <param name="rowCount">How many identical rows this row stands for; interactions count that many times.</param>
    public void EvaluateRow(IAir air, long row, long domainRows, long rowCount)
    {
        var next = row + 1 == domainRows ? 0 : row + 1;
        _row = row;
        _rowCount = rowCount;
        _mainLocal = Offset(row, _mainHeight, _mainWidth);
        _mainNext = Offset(next, _mainHeight, _mainWidth);
        _preprocessedLocal = Offset(row, _preprocessedHeight, _preprocessedWidth);
        _preprocessedNext = Offset(next, _preprocessedHeight, _preprocessedWidth);
        IsFirstRow = row == 0 ? AirValue.One : AirValue.Zero;
        IsLastRow = row == domainRows - 1 ? AirValue.One : AirValue.Zero;
        IsTransition = row == domainRows - 1 ? AirValue.Zero : AirValue.One;
        _constraintIndex = 0;
        _failures.Clear();
        air.Eval(this);
    }

    /// <summary>The value of a cell in the current row's window (for failure reports).</summary>
    public KoalaBear Read(SymbolicVariable cell) => cell switch
    {
        { Trace: TraceKind.Main, IsNext: false } => Cell(_main, _mainLocal, cell.Column).Value,
        { Trace: TraceKind.Main, IsNext: true } => Cell(_main, _mainNext, cell.Column).Value,
        { Trace: TraceKind.Public } => _publicValues[cell.Column],
        { IsNext: false } => Cell(_preprocessed, _preprocessedLocal, cell.Column).Value,
        _ => Cell(_preprocessed, _preprocessedNext, cell.Column).Value,
    };

    public AirValue Local(int column) => Cell(_main, _mainLocal, column);

    public AirValue Next(int column) => Cell(_main, _mainNext, column);

    public AirValue PreprocessedLocal(int column) => Cell(_preprocessed, _preprocessedLocal, column);

    public AirValue PreprocessedNext(int column) => Cell(_preprocessed, _preprocessedNext, column);

    public AirValue PublicValue(int index) => new(_publicValues[index]);

    public void AssertZero(string label, AirValue expression)
    {
        if (_checkConstraints && !expression.IsZero)
        {
            _failures.Add(new RowFailure(_constraintIndex, label, expression.Value));
        }

        _constraintIndex++;
    }

    public void Send(Bus bus, ReadOnlySpan<AirValue> values, AirValue multiplicity) =>
        Interact(bus, InteractionKind.Send, values, multiplicity);

    public void Receive(Bus bus, ReadOnlySpan<AirValue> values, AirValue multiplicity) =>
        Interact(bus, InteractionKind.Receive, values, multiplicity);

    private void Interact(Bus bus, InteractionKind kind, ReadOnlySpan<AirValue> values, AirValue multiplicity)
    {
        if (multiplicity.IsZero)
        {
            return;
        }

        if (values.Length > _tuple.Length)
        {
            _tuple = new uint[values.Length];
        }

        var tuple = _tuple.AsSpan(0, values.Length);
        for (var i = 0; i < values.Length; i++)
        {
            tuple[i] = values[i].Value.Raw;
        }

        _sink!.Record(bus, kind, tuple, multiplicity.Value, _row, _rowCount);
    }

    private static long Offset(long row, int height, int width) => row < height ? row * width : ZeroRow;

    private static AirValue Cell(KoalaBear[] trace, long rowOffset, int column) =>
        rowOffset == ZeroRow ? AirValue.Zero : new AirValue(trace[rowOffset + column]);
}
