namespace StarkGpu.Kernels.LogUp;

/// <summary>
/// The instructions of a compiled interaction program (<see cref="AuxProgramView"/>): instruction i writes slot
/// i; operands are a column, a public value index, an index into Constants, or earlier slots.
/// </summary>
public static class AuxOp
{
    public const int Constant = 0;
    public const int MainLocal = 1;
    public const int MainNext = 2;
    public const int PreprocessedLocal = 3;
    public const int PreprocessedNext = 4;
    public const int Public = 5;
    public const int IsFirstRow = 6;
    public const int IsLastRow = 7;
    public const int IsTransition = 8;
    public const int Add = 9;
    public const int Subtract = 10;
    public const int Multiply = 11;
    public const int Negate = 12;
}
