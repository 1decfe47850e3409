using StarkGpu.Engine.Air.Symbolic;
using StarkGpu.Fields;
using StarkGpu.Kernels.LogUp;

namespace StarkGpu.Engine.LogUp;

/// <summary>
/// A chip's symbolic interactions compiled for <see cref="AuxKernels.Fingerprints"/>: every value and multiplicity
/// expression, whatever its degree, flattened into one straight-line program (one slot per distinct node, shared
/// subtrees evaluated once), plus a table of interactions pointing at their slots. No restriction to affine
/// interactions: the kernel evaluates exactly the trees the chip's Eval recorded.
/// </summary>
internal sealed class AuxProgram
{
    private readonly List<int> _ops = [];
    private readonly List<int> _a = [];
    private readonly List<int> _b = [];
    private readonly List<KoalaBear> _constants = [];
    private readonly Dictionary<SymbolicExpression, int> _slotOf = new(ReferenceEqualityComparer.Instance);

    private AuxProgram()
    {
    }

    public int[] Ops => [.. _ops];

    public int[] OperandA => [.. _a];

    public int[] OperandB => [.. _b];

    public KoalaBear[] Constants => _constants.Count == 0 ? [KoalaBear.Zero] : [.. _constants];

    /// <summary><see cref="AuxProgramView.InteractionStride"/> ints per interaction.</summary>
    public int[] Interactions { get; private set; } = [];

    public int[] ValueSlots { get; private set; } = [];

    public int SlotCount => _ops.Count;

    public int MaxTupleLength { get; private set; }

    public static AuxProgram Compile(IReadOnlyList<SymbolicInteraction> interactions)
    {
        var program = new AuxProgram();
        var table = new List<int>();
        var values = new List<int>();
        foreach (var interaction in interactions)
        {
            var bus = program.Emit(AuxOp.Constant, program.Constant(KoalaBear.FromSigned(interaction.Bus.Id)), 0);
            var multiplicity = program.SlotOf(interaction.Multiplicity);
            var first = values.Count;
            foreach (var value in interaction.Values)
            {
                values.Add(program.SlotOf(value));
            }

            table.AddRange([bus, interaction.Kind == Air.InteractionKind.Send ? 1 : -1, multiplicity, first, interaction.Values.Count]);
            program.MaxTupleLength = Math.Max(program.MaxTupleLength, interaction.Values.Count);
        }

        program.Interactions = [.. table];
        program.ValueSlots = values.Count == 0 ? [0] : [.. values];
        return program;
    }

    // Operands first, so every instruction reads only earlier slots.
    private int SlotOf(SymbolicExpression node)
    {
        if (_slotOf.TryGetValue(node, out var known))
        {
            return known;
        }

        var slot = node.Kind switch
        {
            SymbolicExpressionKind.Constant => Emit(AuxOp.Constant, Constant(node.Constant), 0),
            SymbolicExpressionKind.Variable => Emit(VariableOp(node.Variable), node.Variable.Column, 0),
            SymbolicExpressionKind.IsFirstRow => Emit(AuxOp.IsFirstRow, 0, 0),
            SymbolicExpressionKind.IsLastRow => Emit(AuxOp.IsLastRow, 0, 0),
            SymbolicExpressionKind.IsTransition => Emit(AuxOp.IsTransition, 0, 0),
            SymbolicExpressionKind.Negate => Emit(AuxOp.Negate, SlotOf(node.Left!), 0),
            _ => Binary(node),
        };
        _slotOf[node] = slot;
        return slot;
    }

    private int Binary(SymbolicExpression node)
    {
        var left = SlotOf(node.Left!);
        var right = SlotOf(node.Right!);
        var op = node.Kind switch
        {
            SymbolicExpressionKind.Add => AuxOp.Add,
            SymbolicExpressionKind.Subtract => AuxOp.Subtract,
            _ => AuxOp.Multiply,
        };
        return Emit(op, left, right);
    }

    private static int VariableOp(SymbolicVariable variable) => variable switch
    {
        { Trace: TraceKind.Main, IsNext: false } => AuxOp.MainLocal,
        { Trace: TraceKind.Main } => AuxOp.MainNext,
        { Trace: TraceKind.Preprocessed, IsNext: false } => AuxOp.PreprocessedLocal,
        { Trace: TraceKind.Preprocessed } => AuxOp.PreprocessedNext,
        _ => AuxOp.Public,
    };

    private int Constant(KoalaBear value)
    {
        _constants.Add(value);
        return _constants.Count - 1;
    }

    private int Emit(int op, int a, int b)
    {
        _ops.Add(op);
        _a.Add(a);
        _b.Add(b);
        return _ops.Count - 1;
    }
}
