using StarkGpu.Rv32im.Chips.Alu.Shared;
using StarkGpu.Rv32im.Events;
using StarkGpu.Rv32im.Isa;

namespace StarkGpu.Rv32im.Chips.Alu;

/// <summary>
/// The witness of one SLT/SLTU event, computed once and read by both the row writer and the lookup count of
/// <see cref="LtChip"/>, so the two cannot disagree.
/// </summary>
internal readonly struct LtComparison
{
    private const uint SignBit = 0x8000_0000;

    public LtComparison(in AluEvent alu)
    {
        IsSigned = alu.Opcode == Opcode.Slt;
        var flip = IsSigned ? SignBit : 0;
        var b = alu.B ^ flip;
        var c = alu.C ^ flip;
        MsbB = IsSigned ? alu.B >> 31 : 0;
        MsbC = IsSigned ? alu.C >> 31 : 0;
        BTop = WordLimbs.Byte(b, 3);
        CTop = WordLimbs.Byte(c, 3);
        FlagIndex = -1;
        for (var i = WordLimbs.Count - 1; i >= 0; i--)
        {
            if (WordLimbs.Byte(b, i) != WordLimbs.Byte(c, i))
            {
                FlagIndex = i;
                ComparedB = WordLimbs.Byte(b, i);
                ComparedC = WordLimbs.Byte(c, i);
                break;
            }
        }

        Result = b < c ? 1u : 0u;
    }

    /// <summary>SLT rather than SLTU.</summary>
    public bool IsSigned { get; }

    public uint MsbB { get; }

    public uint MsbC { get; }

    /// <summary>Top byte of b' (sign-flipped b for SLT).</summary>
    public uint BTop { get; }

    public uint CTop { get; }

    /// <summary>The most significant limb where b' and c' differ, or -1 when they are equal.</summary>
    public int FlagIndex { get; }

    public uint ComparedB { get; }

    public uint ComparedC { get; }

    /// <summary>b' &lt; c' unsigned, which is b &lt; c signed for SLT and unsigned for SLTU.</summary>
    public uint Result { get; }
}
