namespace StarkGpu.Engine.Air.Symbolic;

/// <summary>One trace cell a constraint reads: a column of the main or preprocessed trace, in this row or the next.</summary>
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

    /// <summary>As in reports: <c>main[3]</c>, <c>main'[3]</c> (next row), <c>pre[0]</c>.</summary>
    public override string ToString() =>
        $"{(Trace == TraceKind.Main ? "main" : "pre")}{(IsNext ? "'" : string.Empty)}[{Column}]";
}
