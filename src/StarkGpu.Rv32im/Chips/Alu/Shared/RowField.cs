using StarkGpu.Fields;

namespace StarkGpu.Rv32im.Chips.Alu.Shared;

/// <summary>Field arithmetic row writers need beyond the operators, kernel-safe (no exceptions, no lookup tables).</summary>
public static class RowField
{
    /// <summary>p - 2, the exponent of Fermat's inverse.</summary>
    private const uint InverseExponent = 0x7f000001 - 2;

    /// <summary>
    /// 1 / <paramref name="x"/>, or zero for zero (x^(p-2) by square-and-multiply over the 31 bits of p - 2): unlike
    /// <see cref="KoalaBear.Inverse"/> it never throws, which a kernel cannot.
    /// </summary>
    public static KoalaBear InverseOrZero(KoalaBear x)
    {
        var result = KoalaBear.One;
        for (var bit = 30; bit >= 0; bit--)
        {
            result *= result;
            if (((InverseExponent >> bit) & 1) != 0)
            {
                result *= x;
            }
        }

        return result;
    }
}
