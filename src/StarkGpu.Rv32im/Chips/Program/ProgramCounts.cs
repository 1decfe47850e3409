using System.Runtime.CompilerServices;
using StarkGpu.Kernels.Counting;
using StarkGpu.Kernels.Host;
using StarkGpu.Rv32im.Chips.Cpu;
using StarkGpu.Rv32im.Events;

namespace StarkGpu.Rv32im.Chips.ProgramTable;

/// <summary>
/// How the Program chip's multiplicities are counted: the Cpu row writer (<see cref="CpuRows"/>) adds each row's pc
/// to table <see cref="Table"/> of any <see cref="ICounters{TSelf}"/>, and the counters map a pc to the instruction
/// cell <c>(pc - CodeBase) &gt;&gt; 2</c> (base = the program's code base, shift <see cref="Shift"/>, one cell per
/// instruction). A pc below the code, off the 4-byte alignment or past the last instruction is the table's error.
/// </summary>
public static class ProgramCounts
{
    /// <summary>The counters table of the Program multiplicities.</summary>
    public const int Table = 1;

    /// <summary>log2 of the bytes per instruction: the table's cell shift.</summary>
    public const int Shift = 2;

    /// <summary>Counts one execution of the instruction at <paramref name="pc"/> (kernel-safe).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Add<TCounters>(ref TCounters counters, uint pc)
        where TCounters : struct, ICounters<TCounters> =>
        counters.Increment(Table, pc);

    /// <summary>
    /// Adds the pcs of <paramref name="events"/> on the host to <paramref name="counts"/> (one counter per instruction
    /// of the code at <paramref name="codeBase"/>). Returns the first event whose pc has no counter, or -1. Rows the
    /// Cpu writer refuses (an opcode of no class) are counted all the same: the Cpu chip reports those.
    /// </summary>
    public static unsafe long CountOnHost(ReadOnlySpan<CpuEvent> events, uint codeBase, Span<uint> counts)
    {
        var rows = events;
        var errors = stackalloc uint[2];
        errors[0] = 0;
        errors[1] = 0;
        var none = 0u;
        fixed (uint* cells = counts)
        {
            // A null table is one the counters skip: an empty program still needs one, so its every pc is an error.
            var table = cells != null ? cells : &none;
            var counters = new HostCounters { Table1 = table, Base1 = codeBase, Shift1 = Shift, Cells1 = (uint)counts.Length, Errors = errors };
            HostRows.Count<CpuRows, CpuEvent, HostCounters>(rows, ref counters);
            if (errors[1] == 0)
            {
                return -1;
            }

            // Rare: find the first offending event by counting again, event after event (the counts are lost anyway).
            errors[1] = 0;
            for (var i = 0; i < rows.Length; i++)
            {
                HostRows.Count<CpuRows, CpuEvent, HostCounters>(rows.Slice(i, 1), ref counters);
                if (errors[1] != 0)
                {
                    return i;
                }
            }
        }

        throw new InvalidOperationException("a pc had no counter on the first pass and every one had a counter on the second");
    }
}
