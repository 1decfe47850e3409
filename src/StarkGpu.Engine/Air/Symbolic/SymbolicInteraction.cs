namespace StarkGpu.Engine.Air.Symbolic;

/// <summary>One send or receive of a chip, in declaration order.</summary>
public sealed record SymbolicInteraction(Bus Bus, InteractionKind Kind, IReadOnlyList<SymbolicExpression> Values, SymbolicExpression Multiplicity)
{
    /// <summary>The largest degree among the values and the multiplicity.</summary>
    public int Degree => Values.Aggregate(Multiplicity.Degree, (degree, value) => Math.Max(degree, value.Degree));

    public override string ToString() =>
        $"{Kind} {Bus.Name} ({string.Join(", ", Values)}) x {Multiplicity}";
}
