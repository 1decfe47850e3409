using StarkGpu.Engine.Air.Symbolic;
using StarkGpu.Fields;

namespace StarkGpu.Engine.Checking;

/// <summary>A cell a failing constraint reads, with its value on the failing row.</summary>
public readonly record struct CellValue(SymbolicVariable Cell, KoalaBear Value)
{
    public override string ToString() => $"{Cell}={Value}";
}
