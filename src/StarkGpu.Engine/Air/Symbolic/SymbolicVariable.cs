namespace StarkGpu.Engine.Air.Symbolic;

/// <summary>
/// One value a constraint reads: a column of the main or preprocessed trace, in this row or the next, or public
/// value <see cref="Column"/> of the shard (<see cref="TraceKind.Public"/>, never "next").
/// </summary>
public readonly record struct SymbolicVariable(TraceKind Trace, bool IsNext, int Column) : IComparable<SymbolicVariable>
{
    public int CompareTo(SymbolicVariable other)
    {
        var byTrace = Trace.CompareTo(other.Trace);
        if (byTrace != 0)
        {
            return byTrace;
        }

        var byRow = IsNext.CompareTo(other.IsNext);
        return byRow != 0 ? byRow : Column.CompareTo(other.Column);
    }

    public static bool operator <(SymbolicVariable left, SymbolicVariable right) => left.CompareTo(right) < 0;

    public static bool operator <=(SymbolicVariable left, SymbolicVariable right) => left.CompareTo(right) <= 0;

    public static bool operator >(SymbolicVariable left, SymbolicVariable right) => left.CompareTo(right) > 0;

    public static bool operator >=(SymbolicVariable left, SymbolicVariable right) => left.CompareTo(right) >= 0;

    /// <summary>A public value has degree 0 in the trace columns, a cell degree 1.</summary>
    public int Degree => Trace == TraceKind.Public ? 0 : 1;

    /// <summary>As in reports: <c>main[3]</c>, <c>main'[3]</c> (next row), <c>pre[0]</c>, <c>public[2]</c>.</summary>
    public override string ToString() =>
        $"{Trace switch { TraceKind.Main => "main", TraceKind.Preprocessed => "pre", _ => "public" }}{(IsNext ? "'" : string.Empty)}[{Column}]";
}
