using StarkGpu.Engine.Air;
using StarkGpu.Engine.Chips;
using StarkGpu.Fields;

namespace StarkGpu.Engine.LogUp;

/// <summary>
/// The field-valued builder of the aux trace's host reference: runs a chip's <see cref="IAir.Eval{TExpr}"/> on one
/// row of its padded domain, ignores the constraints, and writes each interaction's fingerprint and signed
/// multiplicity (sends positive, receives negated) at its declaration index. The same row semantics as the
/// constraint checker's evaluator (padding rows zero, the next row wrapping around), so the sums it yields
/// balance exactly when the checker's do. Reused for every row; a row allocates nothing.
/// </summary>
internal sealed class InteractionRowBuilder : IAirBuilder<AirValue>
{
    private const long ZeroRow = -1;

    private readonly BinomialExtension4<KoalaBear> _alpha;
    private readonly BinomialExtension4<KoalaBear>[] _betaPowers;
    private readonly IReadOnlyList<KoalaBear> _publicValues;
    private readonly KoalaBear[] _main;
    private readonly int _mainWidth;
    private readonly int _mainHeight;
    private readonly KoalaBear[] _preprocessed;
    private readonly int _preprocessedWidth;
    private readonly int _preprocessedHeight;
    private readonly int _interactionCount;

    private long _mainLocal;
    private long _mainNext;
    private long _preprocessedLocal;
    private long _preprocessedNext;
    private int _interaction;
    private BinomialExtension4<KoalaBear>[] _fingerprints = [];
    private KoalaBear[] _multiplicities = [];
    private int _offset;

    /// <param name="maxTupleLength">The longest tuple among the chip's interactions (sizes the powers of beta).</param>
    public InteractionRowBuilder(
        LogUpChallenges challenges, int maxTupleLength, int interactionCount, HostTrace main, HostTrace? preprocessed, IReadOnlyList<KoalaBear> publicValues)
    {
        _alpha = challenges.Alpha;
        _betaPowers = BetaPowers(challenges.Beta, maxTupleLength);
        _interactionCount = interactionCount;
        _publicValues = publicValues;
        _main = main.Values;
        _mainWidth = main.Width;
        _mainHeight = main.Height;
        _preprocessed = preprocessed?.Values ?? [];
        _preprocessedWidth = preprocessed?.Width ?? 0;
        _preprocessedHeight = preprocessed?.Height ?? 0;
    }

    public AirValue IsFirstRow { get; private set; }

    public AirValue IsLastRow { get; private set; }

    public AirValue IsTransition { get; private set; }

    /// <summary>beta^1 .. beta^length at index 0 .. length - 1.</summary>
    public static BinomialExtension4<KoalaBear>[] BetaPowers(BinomialExtension4<KoalaBear> beta, int length)
    {
        var powers = new BinomialExtension4<KoalaBear>[length];
        var power = beta;
        for (var i = 0; i < length; i++)
        {
            powers[i] = power;
            power *= beta;
        }

        return powers;
    }

    /// <summary>
    /// Evaluates row <paramref name="row"/> of a domain of <paramref name="domainRows"/> rows; interaction k's
    /// fingerprint and signed multiplicity go to index <c>offset + k</c> of the arrays.
    /// </summary>
    public void EvaluateRow(
        IAir air, long row, long domainRows, BinomialExtension4<KoalaBear>[] fingerprints, KoalaBear[] multiplicities, int offset)
    {
        var next = row + 1 == domainRows ? 0 : row + 1;
        _mainLocal = Offset(row, _mainHeight, _mainWidth);
        _mainNext = Offset(next, _mainHeight, _mainWidth);
        _preprocessedLocal = Offset(row, _preprocessedHeight, _preprocessedWidth);
        _preprocessedNext = Offset(next, _preprocessedHeight, _preprocessedWidth);
        IsFirstRow = row == 0 ? AirValue.One : AirValue.Zero;
        IsLastRow = row == domainRows - 1 ? AirValue.One : AirValue.Zero;
        IsTransition = row == domainRows - 1 ? AirValue.Zero : AirValue.One;
        _fingerprints = fingerprints;
        _multiplicities = multiplicities;
        _offset = offset;
        _interaction = 0;
        air.Eval(this);
        if (_interaction != _interactionCount)
        {
            // The symbolic run fixed the layout; a chip whose interactions depend on values would break it.
            throw new LogUpException($"chip {air.Name} made {_interaction} interactions on row {row}, {_interactionCount} symbolically");
        }
    }

    public AirValue Local(int column) => Cell(_main, _mainLocal, column);

    public AirValue Next(int column) => Cell(_main, _mainNext, column);

    public AirValue PreprocessedLocal(int column) => Cell(_preprocessed, _preprocessedLocal, column);

    public AirValue PreprocessedNext(int column) => Cell(_preprocessed, _preprocessedNext, column);

    public AirValue PublicValue(int index) => new(_publicValues[index]);

    public void AssertZero(string label, AirValue expression)
    {
    }

    public void Send(Bus bus, ReadOnlySpan<AirValue> values, AirValue multiplicity) => Interact(bus, values, multiplicity.Value);

    public void Receive(Bus bus, ReadOnlySpan<AirValue> values, AirValue multiplicity) => Interact(bus, values, -multiplicity.Value);

    /// <summary>alpha - (busId + sum_i beta^(i+1) values[i]).</summary>
    public static BinomialExtension4<KoalaBear> Fingerprint(
        BinomialExtension4<KoalaBear> alpha, ReadOnlySpan<BinomialExtension4<KoalaBear>> betaPowers, int busId, ReadOnlySpan<AirValue> values)
    {
        var combined = BinomialExtension4<KoalaBear>.FromBase(KoalaBear.FromSigned(busId));
        for (var i = 0; i < values.Length; i++)
        {
            combined += betaPowers[i] * values[i].Value;
        }

        return alpha - combined;
    }

    private void Interact(Bus bus, ReadOnlySpan<AirValue> values, KoalaBear signedMultiplicity)
    {
        var index = _offset + _interaction++;
        _fingerprints[index] = Fingerprint(_alpha, _betaPowers, bus.Id, values);
        _multiplicities[index] = signedMultiplicity;
    }

    private static long Offset(long row, int height, int width) => row < height ? row * width : ZeroRow;

    private static AirValue Cell(KoalaBear[] trace, long rowOffset, int column) =>
        rowOffset == ZeroRow ? AirValue.Zero : new AirValue(trace[rowOffset + column]);
}
