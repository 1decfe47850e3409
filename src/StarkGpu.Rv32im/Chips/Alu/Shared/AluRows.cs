using System.Runtime.CompilerServices;
using StarkGpu.Kernels.Traces;

namespace StarkGpu.Rv32im.Chips.Alu.Shared;

/// <summary>Cell groups every RV32IM row writer uses, kernel-safe.</summary>
public static class AluRows
{
    /// <summary>The four byte limbs of <paramref name="word"/>, least significant first, in columns <paramref name="first"/> .. +3.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void SetWord<TRow>(ref TRow row, int first, uint word)
        where TRow : struct, ITraceRow
    {
        row.SetByte(first, word & 0xff);
        row.SetByte(first + 1, (word >> 8) & 0xff);
        row.SetByte(first + 2, (word >> 16) & 0xff);
        row.SetByte(first + 3, word >> 24);
    }
}
