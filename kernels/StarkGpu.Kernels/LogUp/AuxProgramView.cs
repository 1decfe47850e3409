using ILGPU;
using StarkGpu.Fields;

namespace StarkGpu.Kernels.LogUp;

/// <summary>
/// A chip's interactions compiled for the fingerprint kernel, as device views. Instruction i is
/// <c>(Ops[i], OperandA[i], OperandB[i])</c> and writes slot i of the row's scratch. Interaction k is
/// <c>Interactions[5k .. 5k + 5)</c> = (the slot of its bus id, +1 for a send or -1 for a receive, the multiplicity's slot, the
/// first of its value slots in <c>ValueSlots</c>, their count).
/// </summary>
public struct AuxProgramView
{
    public ArrayView<int> Ops;
    public ArrayView<int> OperandA;
    public ArrayView<int> OperandB;
    public ArrayView<int> Interactions;
    public ArrayView<int> ValueSlots;

    /// <summary>beta^1, beta^2, ...: the value at position i of a tuple is weighted by beta^(i + 1).</summary>
    public ArrayView<BinomialExtension4<KoalaBear>> BetaPowers;

    public ArrayView<KoalaBear> PublicValues;

    public ArrayView<KoalaBear> Constants;

    public const int InteractionStride = 5;
}

/// <summary>A column-major trace as the fingerprint kernel reads it: cell (row, column) at <c>column * Height + row</c>.</summary>
public struct AuxTraceView
{
    public ArrayView<KoalaBear> Cells;
    public long Height;

    /// <summary>The cell, or zero past the trace's height (virtual padding rows).</summary>
    public readonly KoalaBear Read(long row, int column) => row < Height ? Cells[(column * Height) + row] : KoalaBear.Zero;
}

/// <summary>The rows the fingerprint kernel evaluates and what it reads besides the program.</summary>
public struct AuxRows
{
    public AuxTraceView Main;
    public AuxTraceView Preprocessed;

    /// <summary>The padding rows evaluated after the real ones (at most three kinds: first, middle, last).</summary>
    public ArrayView<long> ExtraRows;

    public long RealRows;
    public long DomainRows;
    public BinomialExtension4<KoalaBear> Alpha;
}
