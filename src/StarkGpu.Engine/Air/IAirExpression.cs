using System.Numerics;
using StarkGpu.Fields;

namespace StarkGpu.Engine.Air;

/// <summary>
/// What a chip's constraints are written in. A chip's <see cref="IAir.Eval{TExpr}"/> is generic over it, so the
/// same constraint code is specialised by the JIT for each builder: field values for the checker, symbolic trees
/// for degree analysis and for a prover.
/// </summary>
public interface IAirExpression<TSelf> :
    IAdditionOperators<TSelf, TSelf, TSelf>,
    ISubtractionOperators<TSelf, TSelf, TSelf>,
    IMultiplyOperators<TSelf, TSelf, TSelf>,
    IUnaryNegationOperators<TSelf, TSelf>
    where TSelf : IAirExpression<TSelf>
{
    static abstract TSelf Zero { get; }

    static abstract TSelf One { get; }

    static abstract TSelf FromField(KoalaBear value);

    /// <summary>The integer <paramref name="value"/> mod p (negative values included).</summary>
    static abstract TSelf FromInt(long value);
}
